/**
 * The Quanda block in the editor: its settings (the question, and optionally a language),
 * and on the page the server renders it (render.php). Plain script on WordPress's globals,
 * so the plugin needs no build step.
 */
(function (wp) {
  var el = wp.element.createElement;
  var __ = wp.i18n.__;

  wp.blocks.registerBlockType('quanda/thread', {
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
          __('Question ID', 'quanda'),
          __('The question this post shows, as your Quanda server knows it.', 'quanda'),
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
