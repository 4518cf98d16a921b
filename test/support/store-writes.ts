/**
 * Test data written the way the server writes it, without a request: each call is one
 * transaction running the domain's effects (domain/), with the same points, counts and
 * keys as the API's writes but none of a reader's permissions (the seed does the same).
 */
import type {NewPostData, NewQuestionData, PostEditData} from '../../src/server/domain/posts.js';
import {
  bodyKey,
  changeBody,
  createQuestion,
  insertPost,
  withdrawPost,
} from '../../src/server/domain/posts.js';
import type {Repository} from '../../src/server/domain/repository.js';
import {setBestAnswer, vote} from '../../src/server/domain/votes.js';
import type {Writes} from '../../src/server/store.js';

export function storeWrites(store: Writes) {
  const facts = async (tx: Repository, postId: string) => {
    const post = await tx.postFacts(postId, {forUpdate: true});
    if (!post) throw new Error(`No post "${postId}"`);
    return post;
  };
  return {
    createQuestion: (data: NewQuestionData) => store.transaction((tx) => createQuestion(tx, data)),
    createViewer: (options?: {points?: number}) =>
      store.transaction((tx) => tx.createViewer(options)),
    addPost: <K extends 'answer' | 'comment'>(kind: K, parentId: string, data: NewPostData) =>
      store.transaction((tx) => insertPost(tx, kind, parentId, data)),
    setVote: (postId: string, viewerId: string, value: -1 | 0 | 1) =>
      store.transaction((tx) => vote(tx, postId, viewerId, value)),
    setAcceptedAnswer: (questionId: string, answerId: string | null) =>
      store.transaction((tx) => setBestAnswer(tx, questionId, answerId)),
    editPost: (postId: string, edit: PostEditData) =>
      store.transaction(async (tx) => changeBody(tx, await facts(tx, postId), edit)),
    removePost: (postId: string) =>
      store.transaction(async (tx) => withdrawPost(tx, await facts(tx, postId))),
    hasDuplicate: (sibling: {
      parentId: string;
      kind: 'answer' | 'comment';
      body: string;
      authorId: string;
    }) => store.transaction((tx) => tx.hasSibling({...sibling, bodyKey: bodyKey(sibling.body)})),
  };
}
