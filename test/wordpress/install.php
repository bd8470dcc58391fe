<?php
/**
 * Run by setup.sh with PHP's CLI, in two steps (two processes, so the second loads the installed site):
 *   php install.php install   SITE URL ZIP STATE CSV   wp_install(), the site's zone and theme
 *   php install.php configure SITE URL ZIP STATE CSV   the plugin from ZIP through Plugin_Upgrader (the code
 *                                                      behind Plugins → Upload), activation, users, the CSV
 *                                                      in the media library, STATE (JSON for the test)
 *   php install.php reset     SITE URL ZIP STATE CSV   back to the state a test run starts from
 *
 * @package ConversationReports
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
list( , $step, $site, $url, $zip, $state_file, $csv ) = $argv;
$parts                  = parse_url( $url );
$_SERVER['HTTP_HOST']   = $parts['host'] . ':' . $parts['port'];
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';

// No mail server here: WordPress's install and new-user mails go nowhere.
function conversation_reports_test_no_mail() {
	return false;
}

function fail( $message ) {
	fwrite( STDERR, "install.php: $message\n" );
	exit( 1 );
}

function password() {
	return bin2hex( random_bytes( 10 ) );
}

if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
	require $site . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	add_filter( 'pre_wp_mail', 'conversation_reports_test_no_mail' );
	$admin_password = password();
	$result         = wp_install( 'Conversation reports test site', 'admin', 'admin@example.test', false, '', $admin_password );
	if ( empty( $result['user_id'] ) ) {
		fail( 'wp_install() did not create the administrator' );
	}
	update_option( 'timezone_string', 'Europe/Amsterdam' );
	update_option( 'permalink_structure', '' );
	update_option( 'show_avatars', 0 );
	switch_theme( 'twentytwentythree' );
	file_put_contents( $state_file, json_encode( array( 'admin' => array( 'login' => 'admin', 'password' => $admin_password, 'id' => $result['user_id'] ) ) ) );
	exit( 0 );
}

require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

add_filter( 'pre_wp_mail', 'conversation_reports_test_no_mail' );
$state = json_decode( file_get_contents( $state_file ), true );
wp_set_current_user( $state['admin']['id'] );

/**
 * What every run of the test starts from: the plugin active, its settings on the CSV, reports not
 * public, editor B denied the edit capability, no stored dashboard. The test calls this step first,
 * so it can run again on the same site.
 */
function conversation_reports_test_reset( $state ) {
	global $wpdb;
	if ( ! is_plugin_active( 'conversation-reports/conversation-reports.php' ) ) {
		$activated = activate_plugin( 'conversation-reports/conversation-reports.php' );
		if ( is_wp_error( $activated ) ) {
			fail( 'activation failed: ' . $activated->get_error_message() );
		}
	}
	delete_option( 'conversation_reports_rest_secret' );
	update_option(
		'conversation_reports_settings',
		array(
			'source_type'       => 'csv',
			'csv_attachment_id' => $state['csv']['id'],
			'public'            => false,
		)
	);
	( new WP_User( $state['users']['editorB']['id'] ) )->add_cap( 'edit_conversation_reports', false );
	$wpdb->query( "DELETE FROM {$wpdb->prefix}conversation_reports_dashboards" );
}

if ( 'reset' === $step ) {
	conversation_reports_test_reset( $state );
	exit( 0 );
}

// The plugin, exactly as the Plugins screen installs an uploaded zip.
$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
$result   = $upgrader->install( $zip );
if ( true !== $result ) {
	fail( 'Plugin_Upgrader could not install the zip: ' . ( is_wp_error( $result ) ? $result->get_error_message() : implode( "\n", $upgrader->skin->get_upgrade_messages() ) ) );
}
$activated = activate_plugin( 'conversation-reports/conversation-reports.php' );
if ( is_wp_error( $activated ) ) {
	fail( 'activation failed: ' . $activated->get_error_message() );
}

// An editor with the capability (editors get it on activation) and one denied it.
$users = array( 'admin' => $state['admin'] );
foreach ( array(
	'editorA' => 'editor-a',
	'editorB' => 'editor-b',
) as $key => $login ) {
	$password = password();
	$id       = wp_insert_user(
		array(
			'user_login' => $login,
			'user_pass'  => $password,
			'user_email' => $login . '@example.test',
			'role'       => 'editor',
		)
	);
	if ( is_wp_error( $id ) ) {
		fail( $id->get_error_message() );
	}
	$users[ $key ] = array(
		'login'    => $login,
		'password' => $password,
		'id'       => $id,
	);
}

// The fixture CSV in the media library.
$tmp = wp_tempnam( 'conversations.csv' );
copy( $csv, $tmp );
$attachment = media_handle_sideload(
	array(
		'name'     => 'conversations.csv',
		'tmp_name' => $tmp,
	),
	0,
	'Conversations export'
);
if ( is_wp_error( $attachment ) ) {
	fail( 'the CSV could not be added to the media library: ' . $attachment->get_error_message() );
}

$upstream_secret = password();
update_option( 'cr_test_upstream_secret', $upstream_secret );
update_option( 'cr_test_fixture_json', realpath( dirname( $csv ) . '/conversations.json' ) );

$state = array(
	'url'            => $url,
	'site'           => $site,
	'users'          => $users,
	'upstreamSecret' => $upstream_secret,
	'csv'            => array(
		'id'  => $attachment,
		'url' => wp_get_attachment_url( $attachment ),
	),
);
file_put_contents( $state_file, json_encode( $state, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) );
conversation_reports_test_reset( $state );
