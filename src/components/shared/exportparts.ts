// Generated from src/components/shared/parts.ts by `npm run manifest`
// (test/docs/parts.mjs): edit the table, not this.
/** `exportparts` of `<quanda-answer>`, inside `<quanda-thread>`. */
export const ANSWER_PARTS =
  'answer,badge,status-note,body:answer-body,meta:answer-meta,edited:answer-edited,author,accept-button,vote,comments,actions,edit-button,remove-button,confirm-remove-button,keep-button,flag-button,action-error,up-button,down-button,score,score-label,vote-note,earlier-button,comment-list,comment,comment-body,comment-meta,add-comment-button,comment-edited,form,label,hint,textarea,input,checkbox,field-error,form-error,form-actions,toolbar,tool-button,write-button,preview-button,preview,draft-status,discard-button,submit-button,cancel-button,dialog,dialog-heading';
/** `exportparts` of `<quanda-answer-form>`, inside `<quanda-thread>`. */
export const ANSWER_FORM_PARTS =
  'form,heading:form-heading,label,hint,textarea,toolbar,tool-button,write-button,preview-button,preview,draft-status,discard-button,input,checkbox,field-error,form-error,actions:form-actions,submit-button';
/** `exportparts` of `<quanda-comment-form>`, inside `<quanda-comments>`. */
export const COMMENT_FORM_PARTS =
  'form,label,hint,textarea,input,checkbox,field-error,form-error,actions:form-actions,toolbar,tool-button,write-button,preview-button,preview,draft-status,discard-button,submit-button,cancel-button';
/** `exportparts` of `<quanda-comments>`, inside `<quanda-question>` and `<quanda-answer>`. */
export const COMMENTS_PARTS =
  'earlier-button,comment-list,comment,comment-body,comment-meta,add-comment-button,author,edited:comment-edited,status-note,actions,edit-button,remove-button,confirm-remove-button,keep-button,flag-button,action-error,form,label,hint,textarea,input,checkbox,field-error,form-error,form-actions,toolbar,tool-button,write-button,preview-button,preview,draft-status,discard-button,submit-button,cancel-button,dialog,dialog-heading';
/** `exportparts` of `<quanda-question>`, inside `<quanda-thread>`. */
export const QUESTION_PARTS =
  'question,title,body,tags,tag,meta,edited,author,status-note,vote,comments,actions,edit-button,remove-button,confirm-remove-button,keep-button,flag-button,action-error,up-button,down-button,score,score-label,vote-note,earlier-button,comment-list,comment,comment-body,comment-meta,add-comment-button,comment-edited,form,label,hint,textarea,input,checkbox,field-error,form-error,form-actions,toolbar,tool-button,write-button,preview-button,preview,draft-status,discard-button,submit-button,cancel-button,dialog,dialog-heading';
/** `exportparts` of `<quanda-vote>`, inside `<quanda-question>` and `<quanda-answer>`. */
export const VOTE_PARTS = 'up-button,down-button,score,score-label,note:vote-note';
