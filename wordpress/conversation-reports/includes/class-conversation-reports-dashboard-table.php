<?php
/**
 * The table that keeps dashboards.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * One row per dashboard: its id, owner (a WordPress user id), sharing, the dashboard's JSON and an
 * ETag that changes on every write. A table rather than a custom post type because a conflict
 * check must be one atomic statement: an update or delete names the ETag it expects
 * (`WHERE etag = …`), and a create relies on the primary key, so two editors saving at once can
 * never both win.
 */
class Conversation_Reports_Dashboard_Table {

	/** The table's name on this site. */
	public static function name() {
		global $wpdb;
		return $wpdb->prefix . 'conversation_reports_dashboards';
	}

	/** Creates or upgrades the table (dbDelta). Ids compare case-sensitively, as in the kit. */
	public static function create() {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = self::name();
		$collate = $wpdb->get_charset_collate();
		$binary  = $wpdb->charset ? $wpdb->charset . '_bin' : 'utf8mb4_bin';
		dbDelta(
			"CREATE TABLE {$table} (
  dashboard_id varchar(191) COLLATE {$binary} NOT NULL,
  owner_id bigint(20) unsigned NOT NULL,
  privacy varchar(20) NOT NULL,
  team_id varchar(191) NOT NULL DEFAULT '',
  body longtext NOT NULL,
  etag char(32) NOT NULL,
  modified_gmt datetime NOT NULL,
  PRIMARY KEY  (dashboard_id),
  KEY owner_id (owner_id)
) {$collate};"
		);
	}

	/** Drops the table (uninstall). */
	public static function drop() {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::name() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- a table name, not input.
	}

	/**
	 * One row, or null.
	 *
	 * @param string $id Dashboard id.
	 * @return array|null
	 */
	public static function find( $id ) {
		global $wpdb;
		$table = self::name();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE dashboard_id = %s", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Every row, oldest first. Filtering by who may see them happens in PHP, with the same rule as a single read.
	 *
	 * @return array[]
	 */
	public static function all() {
		global $wpdb;
		$table = self::name();
		return (array) $wpdb->get_results( "SELECT * FROM {$table} ORDER BY modified_gmt ASC, dashboard_id ASC", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Inserts a new row; false when the id is taken (someone created it first).
	 *
	 * @param array $row dashboard_id, owner_id, privacy, team_id, body.
	 * @return string|false The new ETag.
	 */
	public static function insert( array $row ) {
		global $wpdb;
		$etag = self::new_etag();
		$wpdb->suppress_errors( true );
		$done = $wpdb->insert( self::name(), self::columns( $row, $etag ), array( '%s', '%d', '%s', '%s', '%s', '%s', '%s' ) );
		$wpdb->suppress_errors( false );
		return 1 === $done ? $etag : false;
	}

	/**
	 * Replaces a row only while it still has the ETag `$expected`; false when it changed or went.
	 *
	 * @param array  $row      As for insert().
	 * @param string $expected The ETag the client last saw.
	 * @return string|false The new ETag.
	 */
	public static function update( array $row, $expected ) {
		global $wpdb;
		$etag = self::new_etag();
		$done = $wpdb->update(
			self::name(),
			self::columns( $row, $etag ),
			array(
				'dashboard_id' => $row['dashboard_id'],
				'etag'         => $expected,
			),
			array( '%s', '%d', '%s', '%s', '%s', '%s', '%s' ),
			array( '%s', '%s' )
		);
		return 1 === $done ? $etag : false;
	}

	/**
	 * Deletes a row only while it still has the ETag `$expected`.
	 *
	 * @param string $id       Dashboard id.
	 * @param string $expected ETag.
	 */
	public static function delete( $id, $expected ) {
		global $wpdb;
		return 1 === $wpdb->delete(
			self::name(),
			array(
				'dashboard_id' => $id,
				'etag'         => $expected,
			),
			array( '%s', '%s' )
		);
	}

	/**
	 * A deleted user's dashboards go to the user their posts go to, or go with them.
	 *
	 * @param int      $user_id  The user being deleted.
	 * @param int|null $reassign Who gets their content, if anyone.
	 */
	public static function on_delete_user( $user_id, $reassign ) {
		global $wpdb;
		$table = self::name();
		if ( $reassign ) {
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT dashboard_id, body FROM {$table} WHERE owner_id = %d", $user_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			foreach ( (array) $rows as $row ) {
				$body = json_decode( $row['body'], true );
				if ( is_array( $body ) ) {
					$body['ownerId'] = (string) $reassign;
				}
				$wpdb->update(
					$table,
					array(
						'owner_id' => (int) $reassign,
						'body'     => wp_json_encode( $body ),
						'etag'     => self::new_etag(),
					),
					array( 'dashboard_id' => $row['dashboard_id'] ),
					array( '%d', '%s', '%s' ),
					array( '%s' )
				);
			}
			return;
		}
		$wpdb->delete( $table, array( 'owner_id' => (int) $user_id ), array( '%d' ) );
	}

	/**
	 * The row as columns.
	 *
	 * @param array  $row  Fields.
	 * @param string $etag New ETag.
	 */
	private static function columns( array $row, $etag ) {
		return array(
			'dashboard_id' => $row['dashboard_id'],
			'owner_id'     => (int) $row['owner_id'],
			'privacy'      => $row['privacy'],
			'team_id'      => $row['team_id'],
			'body'         => $row['body'],
			'etag'         => $etag,
			'modified_gmt' => gmdate( 'Y-m-d H:i:s' ),
		);
	}

	/** A fresh, unguessable ETag: never reused, so a deleted and re-created dashboard is a new version. */
	private static function new_etag() {
		return md5( wp_generate_uuid4() . wp_rand() );
	}
}
