<?php
/**
 * The block on the page: the same markup as the shortcode.
 *
 * @var array $attributes The block's settings.
 */
if (!defined('ABSPATH')) {
	exit;
}
echo quanda_markup(
	array(
		'question-id' => $attributes['questionId'] ?? '',
		'topic' => $attributes['topic'] ?? '',
		'lang' => $attributes['lang'] ?? '',
	)
);
