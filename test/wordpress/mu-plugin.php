<?php
/**
 * Test site only (copied to wp-content/mu-plugins by setup.sh):
 *  - a strict Content-Security-Policy on every front-end page: no inline script, no eval. Styles
 *    allow 'unsafe-inline' because WordPress core prints its block styles inline; the kit itself
 *    needs no style source (the kit's own test/browser/strict-csp.browser.test.ts checks that with none).
 *    Fonts may be data: URLs (WordPress's admin bar icons). Avatars are off in the test site
 *    (setup: show_avatars) so no image comes from elsewhere.
 *    WordPress 6.1 prints two inline scripts of its own (emoji detection, the block theme's skip
 *    link); a site with such a policy turns them off, as here.
 *  - an upstream JSON endpoint that wants a secret header, for the plugin's REST data proxy:
 *    /?rest_route=/cr-test/v1/conversations, cursor paging by absolute `next` links.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

const CONVERSATION_REPORTS_TEST_CSP = "default-src 'self'; script-src 'self' 'report-sample'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

add_action(
	'send_headers',
	function () {
		header( 'Content-Security-Policy: ' . CONVERSATION_REPORTS_TEST_CSP );
	}
);
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_print_styles', 'print_emoji_styles' );
remove_action( 'wp_footer', 'the_block_template_skip_link' );

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'cr-test/v1',
			'/conversations',
			array(
				'methods'             => 'GET',
				'permission_callback' => '__return_true',
				'callback'            => function ( WP_REST_Request $request ) {
					if ( $request->get_header( 'x_api_key' ) !== get_option( 'cr_test_upstream_secret' ) || '' === (string) get_option( 'cr_test_upstream_secret' ) ) {
						update_option( 'cr_test_upstream_refused', (int) get_option( 'cr_test_upstream_refused', 0 ) + 1 );
						return new WP_Error( 'unauthorized', 'the X-Api-Key header is missing or wrong', array( 'status' => 401 ) );
					}
					$fixture = json_decode( file_get_contents( get_option( 'cr_test_fixture_json' ) ), true );
					$all     = $fixture['conversations'];
					$start   = (int) $request->get_param( 'cursor' );
					$page    = array_slice( $all, $start, 100 );
					$end     = $start + count( $page );
					return array(
						'conversations' => $page,
						'total'         => count( $all ),
						'next'          => $end < count( $all ) ? add_query_arg( 'cursor', $end, rest_url( 'cr-test/v1/conversations' ) ) : null,
					);
				},
			)
		);
	}
);
