/**
 * The Quanda block in the editor: its settings (the question, and optionally a language),
 * and on the page the server renders it (render.php). Plain script on WordPress's globals,
 * so the plugin needs no build step.
 */
(function (wp) {
  var el = wp.element.createElement;
  var __ = wp.i18n.__;

  wp.blocks.registerBlockType('quanda/qa', {
    edit: function (props) {
      /** A text setting of the block, stored in its attribute `name`. */
      function field(name, label, help) {
        return el(wp.components.TextControl, {
          label: label,
          help: help,
          value: props.attributes[name],
          onChange: function (value) {
            var change = {};
            change[name] = value;
            props.setAttributes(change);
          },
        });
      }
      return el(
        'div',
        wp.blockEditor.useBlockProps({className: 'quanda-block'}),
        el('p', {}, __('Quanda: readers’ questions and answers', 'quanda')),
        field(
          'questionId',
          __('Question ID (optional)', 'quanda'),
          __(
            'One question to show, as your Quanda server knows it. Empty: the readers’ questions about this post, where they can ask their own.',
            'quanda',
          ),
        ),
        field(
          'topic',
          __('Topic (optional)', 'quanda'),
          __(
            'Readers’ questions are kept per post; give a topic to share them between posts.',
            'quanda',
          ),
        ),
        field(
          'lang',
          __('Language (optional)', 'quanda'),
          __('For example de or fr; the page’s language when empty.', 'quanda'),
        ),
      );
    },
    save: function () {
      return null;
    },
  });
})(window.wp);
