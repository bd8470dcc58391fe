<?php
/**
 * Who may do what: the plugin's two capabilities, and the WordPress user as the kit sees a user.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * The sharing rules of the kit's `src/store/permissions.ts`, in WordPress's terms: a user is a
 * WordPress user, a team is a role, "may edit" is a capability. Every REST route checks these in
 * PHP; the page only hides what they would refuse.
 */
class Conversation_Reports_Access {

	/** May see reports, the data behind them and the dashboards shared with everyone. */
	const READ = 'read_conversation_reports';

	/** May create dashboards and change those they can see (the kit's `canEdit`). */
	const EDIT = 'edit_conversation_reports';

	/**
	 * The roles that get each capability when the plugin is activated. A site changes this with any
	 * role editor, or per user (`$user->add_cap( 'edit_conversation_reports', false )` denies it).
	 *
	 * @return array<string, string[]> role => capabilities
	 */
	public static function default_grants() {
		return array(
			'administrator' => array( self::READ, self::EDIT ),
			'editor'        => array( self::READ, self::EDIT ),
			'author'        => array( self::READ ),
		);
	}

	/**
	 * The kit's `DashboardUser` for the current WordPress user: id, roles as teams, canEdit.
	 *
	 * @return array{id: string, teamIds: string[], canEdit: bool}
	 */
	public static function current_user() {
		$user = wp_get_current_user();
		return array(
			'id'      => (string) $user->ID,
			'teamIds' => array_values( array_map( 'strval', (array) $user->roles ) ),
			'canEdit' => $user->ID > 0 && user_can( $user, self::EDIT ),
		);
	}

	/**
	 * The site's roles as the kit's teams (`{ id, name }`): the roles a dashboard can be shared with.
	 *
	 * @return array<int, array{id: string, name: string}>
	 */
	public static function teams() {
		$teams = array();
		foreach ( wp_roles()->role_names as $slug => $name ) {
			$teams[] = array(
				'id'   => (string) $slug,
				'name' => translate_user_role( $name ),
			);
		}
		return $teams;
	}

	/**
	 * Whether `$user` may see a dashboard with these sharing fields (the kit's `canSee`).
	 *
	 * @param array $sharing `ownerId`, `privacy`, `teamId`.
	 * @param array $user    From current_user().
	 */
	public static function can_see( array $sharing, array $user ) {
		if ( $sharing['ownerId'] === $user['id'] ) {
			return true;
		}
		switch ( $sharing['privacy'] ) {
			case 'everyone':
				return true;
			case 'team':
				return '' !== (string) ( $sharing['teamId'] ?? '' ) && in_array( $sharing['teamId'], $user['teamIds'], true );
			default:
				return false;
		}
	}
}
