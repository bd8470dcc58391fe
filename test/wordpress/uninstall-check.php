<?php
/**
 * Run by wordpress.test.ts with PHP's CLI: deletes the plugin's data the way Plugins → Delete does
 * (deactivate, then uninstall.php), prints what is left as JSON, and activates the plugin again so
 * the site can be tested once more.
 *
 *   php uninstall-check.php SITE
 *
 * @package ConversationReports
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$plugin = 'conversation-reports/conversation-reports.php';
global $wpdb;
$table  = $wpdb->prefix . 'conversation_reports_dashboards';
$before = array(
	'rows'    => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ),
	'options' => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'conversation\\_reports\\_%'" ),
);
deactivate_plugins( $plugin );
uninstall_plugin( $plugin );
wp_cache_flush();

$roles_with_caps = array();
foreach ( wp_roles()->role_objects as $name => $role ) {
	if ( $role->has_cap( 'read_conversation_reports' ) || $role->has_cap( 'edit_conversation_reports' ) ) {
		$roles_with_caps[] = $name;
	}
}
$users_with_caps = $wpdb->get_col( $wpdb->prepare( "SELECT user_id FROM {$wpdb->usermeta} WHERE meta_key = %s AND meta_value LIKE %s", $wpdb->prefix . 'capabilities', '%conversation_reports%' ) );
$after = array(
	'table'   => $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ),
	'options' => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'conversation\\_reports\\_%'" ),
	'roles'   => $roles_with_caps,
	'users'   => $users_with_caps,
);
$activated = activate_plugin( $plugin );
echo json_encode(
	array(
		'before'      => $before,
		'after'       => $after,
		'reactivated' => ! is_wp_error( $activated ),
	)
);
