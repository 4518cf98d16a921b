import {QuestionList, SimilarQuestions} from '../api/board.js';
import type {BoardSort} from '../api/board.js';
import type {AskedQuestion} from '../api/requests.js';
import type {RequestOptions, WriteOptions} from '../api/client.js';
import {RestClient} from '../api/client.js';
import {Question} from '../api/schemas.js';

export interface TopicOptions extends RequestOptions {
  sort?: BoardSort;
  cursor?: string;
  /** Search words: the questions that match, instead of the list. */
  q?: string;
}

/**
 * What a board asks of a Quanda backend, on top of the thread's client: a topic's
 * questions, questions like a title, and asking. Loaded with the board, so a page with
 * only a thread never downloads it.
 */
export class BoardClient extends RestClient {
  async getTopicQuestions(topic: string, options: TopicOptions = {}): Promise<QuestionList> {
    return this.call({
      method: 'GET',
      path: 'topics/questions',
      query: {topic, sort: options.sort, cursor: options.cursor, q: options.q},
      schema: QuestionList,
      signal: options.signal,
      token: await this.storedToken(),
    });
  }

  getSimilarQuestions(topic: string, q: string, options: RequestOptions = {}) {
    return this.call({
      method: 'GET',
      path: 'topics/similar',
      query: {topic, q},
      schema: SimilarQuestions,
      signal: options.signal,
    });
  }

  askQuestion(question: AskedQuestion, options?: WriteOptions): Promise<Question> {
    return this.write('POST', 'topics/questions', question, Question, options);
  }
}
