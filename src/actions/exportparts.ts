// Generated from src/components/shared/parts.ts by `npm run manifest`
// (test/docs/parts.mjs): edit the table, not this.
/** `exportparts` of `<quanda-edit-form>`, inside `<quanda-question>`, `<quanda-answer>` and `<quanda-comments>`. */
export const EDIT_FORM_PARTS =
  'form,label,textarea,field-error,form-error,actions:form-actions,toolbar,tool-button,write-button,preview-button,preview,draft-status,discard-button,submit-button,cancel-button';
/** `exportparts` of `<quanda-flag-dialog>`, inside `<quanda-question>`, `<quanda-answer>` and `<quanda-comments>`. */
export const FLAG_DIALOG_PARTS =
  'dialog,heading:dialog-heading,label,textarea,field-error,form-error,actions:form-actions,submit-button,cancel-button';
