<?php
/**
 * Dashboards over the WordPress REST API, in the protocol of the kit's `RestDashboardStore`.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * `GET /conversation-reports/v1/dashboards` lists what the user may see;
 * `GET | PUT | DELETE /conversation-reports/v1/dashboards/{id}` read, create or update, delete one.
 *
 * The kit's `RestDashboardStore` (markup: a config `store: { type: "rest", url }`) speaks this
 * unchanged: a read answers with an `ETag`; a save sends `If-None-Match: *` to create or `If-Match`
 * with the ETag it read to update, and a dashboard changed (or created) in between is a 412, never
 * an overwrite. Every call is checked here, whatever the page showed: reading needs
 * `read_conversation_reports`; creating and changing need `edit_conversation_reports` and, for a
 * dashboard, that the user may see it; only the owner changes sharing or deletes. Requests come
 * with WordPress's cookie and the `wp_rest` nonce (without it WordPress treats the call as a
 * visitor's: 401).
 */
class Conversation_Reports_Dashboards_Controller {

	const NAMESPACE_V1 = 'conversation-reports/v1';

	/** Largest dashboard JSON accepted, in bytes. */
	const MAX_BYTES = 524288;

	/** Hooks. */
	public static function init() {
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		add_action( 'delete_user', array( 'Conversation_Reports_Dashboard_Table', 'on_delete_user' ), 10, 2 );
	}

	/** The routes. */
	public static function register_routes() {
		register_rest_route(
			self::NAMESPACE_V1,
			'/dashboards',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'list_dashboards' ),
				'permission_callback' => array( __CLASS__, 'may_read' ),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/dashboards/(?P<id>.+)',
			array(
				array(
					'methods'             => 'GET',
					'callback'            => array( __CLASS__, 'get_dashboard' ),
					'permission_callback' => array( __CLASS__, 'may_read' ),
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( __CLASS__, 'put_dashboard' ),
					'permission_callback' => array( __CLASS__, 'may_read' ),
				),
				array(
					'methods'             => 'DELETE',
					'callback'            => array( __CLASS__, 'delete_dashboard' ),
					'permission_callback' => array( __CLASS__, 'may_read' ),
				),
			)
		);
	}

	/** Every route: a signed-in user who may read reports (WordPress answers 401 to a visitor, 403 to others). */
	public static function may_read() {
		return current_user_can( Conversation_Reports_Access::READ );
	}

	/**
	 * GET /dashboards.
	 *
	 * @return WP_REST_Response
	 */
	public static function list_dashboards() {
		$user = Conversation_Reports_Access::current_user();
		$list = array();
		foreach ( Conversation_Reports_Dashboard_Table::all() as $row ) {
			$dashboard = self::from_row( $row );
			if ( null !== $dashboard && Conversation_Reports_Access::can_see( self::sharing( $dashboard ), $user ) ) {
				$list[] = $dashboard;
			}
		}
		return new WP_REST_Response( $list, 200 );
	}

	/**
	 * GET /dashboards/{id}.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function get_dashboard( WP_REST_Request $request ) {
		$row = Conversation_Reports_Dashboard_Table::find( (string) $request['id'] );
		if ( null === $row ) {
			return self::error( 'not_found', __( 'There is no such dashboard.', 'conversation-reports' ), 404 );
		}
		$dashboard = self::from_row( $row );
		if ( null === $dashboard || ! Conversation_Reports_Access::can_see( self::sharing( $dashboard ), Conversation_Reports_Access::current_user() ) ) {
			return self::error( 'forbidden', __( 'This dashboard is not shared with you.', 'conversation-reports' ), 403 );
		}
		return self::with_etag( new WP_REST_Response( $dashboard, 200 ), $row['etag'] );
	}

	/**
	 * PUT /dashboards/{id}: create (`If-None-Match: *`) or update (`If-Match`).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function put_dashboard( WP_REST_Request $request ) {
		$user = Conversation_Reports_Access::current_user();
		$id   = (string) $request['id'];
		if ( ! $user['canEdit'] ) {
			return self::error( 'forbidden', __( 'You may not edit dashboards.', 'conversation-reports' ), 403 );
		}
		$body = $request->get_body();
		if ( strlen( $body ) > self::MAX_BYTES ) {
			return self::invalid( array( self::issue( '', 'is larger than 512 KB' ) ) );
		}
		$next = json_decode( $body );
		if ( ! $next instanceof stdClass ) {
			return self::invalid( array( self::issue( '', 'must be a JSON object' ) ) );
		}
		$issues = self::validate( $next, $id );
		if ( $issues ) {
			return self::invalid( $issues );
		}

		$row         = Conversation_Reports_Dashboard_Table::find( $id );
		$stored      = null === $row ? null : self::from_row( $row );
		$if_match    = self::etag_header( $request->get_header( 'if_match' ) );
		$if_none     = trim( (string) $request->get_header( 'if_none_match' ) );
		$is_creating = null === $row;

		if ( $is_creating ) {
			if ( null !== $if_match ) {
				return self::error( 'precondition_failed', __( 'The dashboard was deleted in the meantime.', 'conversation-reports' ), 412 );
			}
			if ( ! isset( $next->ownerId ) || '' === $next->ownerId ) {
				$next->ownerId = $user['id'];
			}
			if ( $next->ownerId !== $user['id'] ) {
				return self::error( 'forbidden', __( 'A new dashboard must belong to the user creating it.', 'conversation-reports' ), 403 );
			}
			$team = self::check_team( $next, $user );
			if ( null !== $team ) {
				return $team;
			}
			$etag = Conversation_Reports_Dashboard_Table::insert( self::to_row( $next ) );
			if ( false === $etag ) {
				return self::error( 'precondition_failed', __( 'A dashboard with this id was created in the meantime.', 'conversation-reports' ), 412 );
			}
			return self::with_etag( new WP_REST_Response( $next, 201 ), $etag );
		}

		if ( '*' === $if_none ) {
			return self::error( 'precondition_failed', __( 'A dashboard with this id already exists.', 'conversation-reports' ), 412 );
		}
		if ( null === $stored || ! Conversation_Reports_Access::can_see( self::sharing( $stored ), $user ) ) {
			return self::error( 'forbidden', __( 'This dashboard is not shared with you.', 'conversation-reports' ), 403 );
		}
		if ( null === $if_match ) {
			return self::error( 'precondition_required', __( 'Send If-Match with the ETag of the version you changed.', 'conversation-reports' ), 428 );
		}
		if ( ! isset( $next->ownerId ) || '' === $next->ownerId ) {
			$next->ownerId = $stored->ownerId;
		}
		$changed = array();
		foreach ( array( 'ownerId', 'privacy', 'teamId' ) as $field ) {
			if ( (string) ( $stored->$field ?? '' ) !== (string) ( $next->$field ?? '' ) ) {
				$changed[] = $field;
			}
		}
		if ( $changed && $stored->ownerId !== $user['id'] ) {
			/* translators: %s: field names */
			return self::error( 'forbidden', sprintf( __( 'Only its owner may change %s.', 'conversation-reports' ), implode( ', ', $changed ) ), 403 );
		}
		if ( array_intersect( $changed, array( 'privacy', 'teamId' ) ) ) {
			$team = self::check_team( $next, $user );
			if ( null !== $team ) {
				return $team;
			}
		}
		if ( ! in_array( $if_match, array( '*', $row['etag'] ), true ) ) {
			return self::error( 'precondition_failed', __( 'Someone changed this dashboard in the meantime.', 'conversation-reports' ), 412 );
		}
		$etag = Conversation_Reports_Dashboard_Table::update( self::to_row( $next ), $row['etag'] );
		if ( false === $etag ) {
			return self::error( 'precondition_failed', __( 'Someone changed this dashboard in the meantime.', 'conversation-reports' ), 412 );
		}
		return self::with_etag( new WP_REST_Response( $next, 200 ), $etag );
	}

	/**
	 * DELETE /dashboards/{id}: the owner, with the capability; `If-Match` is honoured when sent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function delete_dashboard( WP_REST_Request $request ) {
		$user = Conversation_Reports_Access::current_user();
		$row  = Conversation_Reports_Dashboard_Table::find( (string) $request['id'] );
		if ( null === $row ) {
			return self::error( 'not_found', __( 'There is no such dashboard.', 'conversation-reports' ), 404 );
		}
		$stored = self::from_row( $row );
		if ( null === $stored || ! $user['canEdit'] || ! Conversation_Reports_Access::can_see( self::sharing( $stored ), $user ) ) {
			return self::error( 'forbidden', __( 'You may not delete this dashboard.', 'conversation-reports' ), 403 );
		}
		if ( $stored->ownerId !== $user['id'] ) {
			return self::error( 'forbidden', __( 'Only its owner may delete a dashboard.', 'conversation-reports' ), 403 );
		}
		$if_match = self::etag_header( $request->get_header( 'if_match' ) );
		$expected = null === $if_match || '*' === $if_match ? $row['etag'] : $if_match;
		if ( ! Conversation_Reports_Dashboard_Table::delete( $row['dashboard_id'], $expected ) ) {
			return self::error( 'precondition_failed', __( 'Someone changed this dashboard in the meantime.', 'conversation-reports' ), 412 );
		}
		return new WP_REST_Response( null, 204 );
	}

	/**
	 * The dashboard a row holds, with the row's columns as the truth about sharing; null when unreadable.
	 *
	 * @param array $row Table row.
	 * @return stdClass|null
	 */
	public static function from_row( array $row ) {
		$dashboard = json_decode( $row['body'] );
		if ( ! $dashboard instanceof stdClass ) {
			return null;
		}
		$dashboard->id      = $row['dashboard_id'];
		$dashboard->ownerId = (string) $row['owner_id'];
		$dashboard->privacy = $row['privacy'];
		unset( $dashboard->teamId );
		if ( '' !== $row['team_id'] ) {
			$dashboard->teamId = $row['team_id'];
		}
		return $dashboard;
	}

	/**
	 * Columns for a validated dashboard.
	 *
	 * @param stdClass $dashboard Dashboard.
	 */
	private static function to_row( stdClass $dashboard ) {
		if ( 'team' !== $dashboard->privacy ) {
			unset( $dashboard->teamId );
		}
		return array(
			'dashboard_id' => $dashboard->id,
			'owner_id'     => (int) $dashboard->ownerId,
			'privacy'      => $dashboard->privacy,
			'team_id'      => 'team' === $dashboard->privacy ? (string) $dashboard->teamId : '',
			'body'         => wp_json_encode( $dashboard ),
		);
	}

	/**
	 * Sharing fields.
	 *
	 * @param stdClass $dashboard Dashboard.
	 */
	private static function sharing( stdClass $dashboard ) {
		return array(
			'ownerId' => (string) $dashboard->ownerId,
			'privacy' => (string) $dashboard->privacy,
			'teamId'  => isset( $dashboard->teamId ) ? (string) $dashboard->teamId : '',
		);
	}

	/**
	 * The shape of a dashboard, field by field, as the kit's schema has it. Report specs are checked
	 * as objects with an id here; the kit validates every spec with its own schema when it reads
	 * them, and skips (and reports) a dashboard that does not pass.
	 *
	 * @param stdClass $dashboard Dashboard.
	 * @param string   $id        The id in the URL.
	 * @return array[] Issues; empty when valid.
	 */
	private static function validate( stdClass $dashboard, $id ) {
		$issues = array();
		if ( ! isset( $dashboard->id ) || ! is_string( $dashboard->id ) || '' === $dashboard->id ) {
			$issues[] = self::issue( 'id', 'is required' );
		} elseif ( $dashboard->id !== $id ) {
			$issues[] = self::issue( 'id', 'must be the id in the URL' );
		} elseif ( strlen( $dashboard->id ) > 191 ) {
			$issues[] = self::issue( 'id', 'must be at most 191 bytes' );
		}
		if ( ! isset( $dashboard->name ) || ! is_string( $dashboard->name ) ) {
			$issues[] = self::issue( 'name', 'must be text' );
		}
		if ( isset( $dashboard->ownerId ) && ( ! is_string( $dashboard->ownerId ) || ( '' !== $dashboard->ownerId && ! ctype_digit( $dashboard->ownerId ) ) ) ) {
			$issues[] = self::issue( 'ownerId', 'must be the id of a WordPress user' );
		}
		if ( ! isset( $dashboard->privacy ) || ! in_array( $dashboard->privacy, array( 'private', 'team', 'everyone' ), true ) ) {
			$issues[] = self::issue( 'privacy', 'must be one of "private", "team", "everyone"' );
		}
		if ( isset( $dashboard->teamId ) && ( ! is_string( $dashboard->teamId ) || strlen( $dashboard->teamId ) > 191 ) ) {
			$issues[] = self::issue( 'teamId', 'must be the name of a role' );
		}
		if ( ! isset( $dashboard->reports ) || ! is_array( $dashboard->reports ) ) {
			$issues[] = self::issue( 'reports', 'must be a list' );
		} else {
			foreach ( $dashboard->reports as $index => $report ) {
				if ( ! $report instanceof stdClass || ! isset( $report->id ) || ! is_string( $report->id ) ) {
					$issues[] = self::issue( "reports.$index", 'must be a report with an id' );
				}
			}
		}
		if ( isset( $dashboard->layout ) && ! $dashboard->layout instanceof stdClass ) {
			$issues[] = self::issue( 'layout', 'must be an object' );
		}
		if ( isset( $dashboard->filters ) && ! is_array( $dashboard->filters ) ) {
			$issues[] = self::issue( 'filters', 'must be a list' );
		}
		return $issues;
	}

	/**
	 * A team dashboard names a role its owner has (the kit's rule: members of the team only).
	 *
	 * @param stdClass $dashboard Dashboard.
	 * @param array    $user      User.
	 * @return WP_REST_Response|WP_Error|null
	 */
	private static function check_team( stdClass $dashboard, array $user ) {
		if ( 'team' !== $dashboard->privacy ) {
			return null;
		}
		if ( ! isset( $dashboard->teamId ) || '' === $dashboard->teamId ) {
			return self::invalid( array( self::issue( 'teamId', 'is required for a team dashboard' ) ) );
		}
		if ( ! in_array( $dashboard->teamId, $user['teamIds'], true ) ) {
			/* translators: %s: role */
			return self::error( 'forbidden', sprintf( __( 'You do not have the role "%s".', 'conversation-reports' ), $dashboard->teamId ), 403 );
		}
		return null;
	}

	/**
	 * An ETag from an If-Match header (quotes and a weak prefix removed), `*`, or null.
	 *
	 * @param string|null $header Header value.
	 */
	private static function etag_header( $header ) {
		$header = trim( (string) $header );
		if ( '' === $header ) {
			return null;
		}
		if ( '*' === $header ) {
			return '*';
		}
		return trim( preg_replace( '/^W\//', '', $header ), '"' );
	}

	/**
	 * Adds the ETag header.
	 *
	 * @param WP_REST_Response $response Response.
	 * @param string           $etag     ETag.
	 */
	private static function with_etag( WP_REST_Response $response, $etag ) {
		$response->header( 'ETag', '"' . $etag . '"' );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * An issue in the kit's shape.
	 *
	 * @param string $field   Field path.
	 * @param string $message What is wrong.
	 */
	private static function issue( $field, $message ) {
		return array(
			'field'   => $field,
			'message' => $message,
		);
	}

	/**
	 * 400 with `issues`, which the kit shows field by field.
	 *
	 * @param array[] $issues Issues.
	 */
	private static function invalid( array $issues ) {
		return new WP_REST_Response(
			array(
				'code'    => 'invalid_dashboard',
				'message' => __( 'The dashboard is not valid.', 'conversation-reports' ),
				'issues'  => $issues,
			),
			400
		);
	}

	/**
	 * A WP_Error with a status.
	 *
	 * @param string $code    Code.
	 * @param string $message Message.
	 * @param int    $status  HTTP status.
	 */
	private static function error( $code, $message, $status ) {
		return new WP_Error( 'conversation_reports_' . $code, $message, array( 'status' => $status ) );
	}
}
