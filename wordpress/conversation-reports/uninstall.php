<?php
/**
 * Deleting the plugin removes what it stored: its options, the dashboards table and the capabilities.
 *
 * @package ConversationReports
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/** Removes the plugin's data from the current site. */
function conversation_reports_uninstall_site() {
	global $wpdb;
	delete_option( 'conversation_reports_settings' );
	delete_option( 'conversation_reports_rest_secret' );
	delete_option( 'conversation_reports_server_secret' );
	delete_option( 'conversation_reports_db_version' );
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}conversation_reports_dashboards" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- a table name.
	foreach ( wp_roles()->role_objects as $role ) {
		$role->remove_cap( 'read_conversation_reports' );
		$role->remove_cap( 'edit_conversation_reports' );
	}
	// Capabilities granted or denied to single users.
	$users = get_users(
		array(
			'meta_key'     => $wpdb->get_blog_prefix() . 'capabilities', // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
			'meta_value'   => 'conversation_reports', // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
			'meta_compare' => 'LIKE',
		)
	);
	foreach ( $users as $user ) {
		$user->remove_cap( 'read_conversation_reports' );
		$user->remove_cap( 'edit_conversation_reports' );
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $conversation_reports_site ) {
		switch_to_blog( $conversation_reports_site );
		conversation_reports_uninstall_site();
		restore_current_blog();
	}
} else {
	conversation_reports_uninstall_site();
}
