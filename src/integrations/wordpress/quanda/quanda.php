<?php
/**
 * Plugin Name:       Quanda
 * Description:       Readers' questions and answers under your posts: a Quanda block and a [quanda] shortcode that any author can use, served by your Quanda server.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       quanda
 *
 * WordPress filters the HTML an author without `unfiltered_html` saves, and strips both a
 * <script> and Quanda's elements from a Custom HTML block. The block and the shortcode store
 * only their settings; the markup is made here when the post is shown, so no filter sees it.
 */

if (!defined('ABSPATH')) {
	exit;
}

const QUANDA_OPTION = 'quanda_server_url';

/** The Quanda server's base URL as the site owner set it, without a trailing slash. */
function quanda_server_url() {
	return untrailingslashit((string) get_option(QUANDA_OPTION, ''));
}

/**
 * The element for a post: one question's thread when a question is named, else the board of
 * the readers' questions about this post (its topic is the post's canonical URL unless one is
 * given). Readers see nothing when the server's URL is not set; people who can edit the post
 * see what to do.
 *
 * @param array $settings `question-id`, `topic` and `lang`, as the shortcode or the block gives them.
 */
function quanda_markup($settings) {
	$server = quanda_server_url();
	if ($server === '') {
		$problem = __('Quanda is not shown: set the Quanda server’s URL under Settings → Quanda.', 'quanda');
		return current_user_can('edit_posts') ? '<p class="quanda-notice">' . esc_html($problem) . '</p>' : '';
	}
	quanda_enqueue($server);
	$question = trim((string) ($settings['question-id'] ?? ''));
	$element = $question === '' ? 'quanda-board' : 'quanda-thread';
	$attributes = array(
		'endpoint' => $server . '/api',
		'question-id' => $question,
		'topic' => $question === '' ? trim((string) ($settings['topic'] ?? '')) : '',
		'lang' => trim((string) ($settings['lang'] ?? '')),
	);
	$html = '<' . $element;
	foreach ($attributes as $name => $value) {
		if ($value !== '') {
			$html .= sprintf(' %s="%s"', $name, esc_attr($value));
		}
	}
	return $html . '></' . $element . '>';
}

/** The drop-in file, once per page however many elements it has, as a module script. */
function quanda_enqueue($server) {
	wp_enqueue_script('quanda', $server . '/quanda.js', array(), null, true);
}

/** WordPress 6.1 has no script-module API: the tag it prints is made a module here. */
add_filter(
	'script_loader_tag',
	function ($tag, $handle, $src) {
		if ($handle !== 'quanda') {
			return $tag;
		}
		return sprintf('<script type="module" src="%s"></script>' . "\n", esc_url($src));
	},
	10,
	3
);

add_shortcode(
	'quanda',
	function ($attributes) {
		$settings = shortcode_atts(array('question-id' => '', 'topic' => '', 'lang' => ''), $attributes, 'quanda');
		return quanda_markup($settings);
	}
);

add_action(
	'init',
	function () {
		register_block_type(__DIR__ . '/block');
	}
);

add_action(
	'admin_init',
	function () {
		register_setting(
			'quanda',
			QUANDA_OPTION,
			array(
				'type' => 'string',
				'sanitize_callback' => 'quanda_sanitize_server_url',
				'default' => '',
			)
		);
	}
);

/** Only an http(s) URL is kept; anything else is refused with a message. */
function quanda_sanitize_server_url($value) {
	$url = esc_url_raw(trim((string) $value), array('http', 'https'));
	if ($value !== '' && $url === '') {
		add_settings_error(QUANDA_OPTION, 'quanda-url', __('The Quanda server’s URL must start with https:// or http://.', 'quanda'));
		return quanda_server_url();
	}
	return untrailingslashit($url);
}

add_action(
	'admin_menu',
	function () {
		add_options_page('Quanda', 'Quanda', 'manage_options', 'quanda', 'quanda_settings_page');
	}
);

function quanda_settings_page() {
	?>
	<div class="wrap">
		<h1>Quanda</h1>
		<form method="post" action="options.php">
			<?php settings_fields('quanda'); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="quanda-server-url"><?php esc_html_e('Quanda server URL', 'quanda'); ?></label></th>
					<td>
						<input type="url" id="quanda-server-url" name="<?php echo esc_attr(QUANDA_OPTION); ?>" value="<?php echo esc_attr(quanda_server_url()); ?>" class="regular-text" placeholder="https://qa.example.org" aria-describedby="quanda-server-url-help">
						<p class="description" id="quanda-server-url-help"><?php esc_html_e('Where your Quanda server runs; its address must list this site among its allowed origins (QUANDA_ALLOWED_ORIGINS).', 'quanda'); ?></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
