<?php
/**
 * Activation: capabilities and the dashboards table.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * Creates what the plugin owns on activation, and upgrades the table when a newer plugin version
 * is uploaded over an older one (WordPress does not run the activation hook then).
 */
class Conversation_Reports_Install {

	const DB_VERSION        = '1';
	const DB_VERSION_OPTION = 'conversation_reports_db_version';

	/** Hooks. */
	public static function init() {
		add_action( 'plugins_loaded', array( __CLASS__, 'maybe_upgrade' ) );
	}

	/** The activation hook. */
	public static function activate() {
		foreach ( Conversation_Reports_Access::default_grants() as $role_name => $capabilities ) {
			$role = get_role( $role_name );
			if ( null === $role ) {
				continue;
			}
			foreach ( $capabilities as $capability ) {
				$role->add_cap( $capability );
			}
		}
		Conversation_Reports_Dashboard_Table::create();
		update_option( self::DB_VERSION_OPTION, self::DB_VERSION, false );
	}

	/** Creates or alters the table when the stored schema version is not this plugin's. */
	public static function maybe_upgrade() {
		if ( get_option( self::DB_VERSION_OPTION ) !== self::DB_VERSION ) {
			Conversation_Reports_Dashboard_Table::create();
			update_option( self::DB_VERSION_OPTION, self::DB_VERSION, false );
		}
	}
}
