<?php
/**
 * The kit's server half, reached through WordPress so its secret stays on the server.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * `POST /conversation-reports/v1/report`: forwards one report request (`{ op: 'query' | 'drill' |
 * 'lookups', … }`, what the kit's `ServerDataSource` sends) to the server URL of the settings with
 * the secret header added, and hands back the answer. Only POST, only a JSON object with one of
 * those ops and at most 64 KiB, only to the URL an administrator set (never one from the request),
 * redirects not followed. The report server checks the request itself (the kit's schemas); this
 * route only keeps anything else from reaching it with the secret. Who may call it: users who may
 * read reports, and visitors when the settings make reports public.
 */
class Conversation_Reports_Server_Proxy {

	/** The ops of the kit's report protocol (`reportRequestSchema`). */
	const OPS = array( 'query', 'drill', 'lookups' );

	/** Largest request forwarded (the report handler's own default limit). */
	const MAX_BODY_BYTES = 65536;

	/** Hooks. */
	public static function init() {
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
	}

	/** The route. */
	public static function register_routes() {
		register_rest_route(
			Conversation_Reports_Dashboards_Controller::NAMESPACE_V1,
			'/report',
			array(
				'methods'             => 'POST',
				'callback'            => array( __CLASS__, 'forward' ),
				'permission_callback' => array( 'Conversation_Reports_Data_Proxy', 'may_fetch' ),
			)
		);
	}

	/**
	 * Why a request body is not forwarded, or null when it is a report request.
	 *
	 * @param string $body Raw request body.
	 * @return string|null
	 */
	public static function request_issue( $body ) {
		if ( strlen( $body ) > self::MAX_BODY_BYTES ) {
			return 'the request is larger than ' . self::MAX_BODY_BYTES . ' bytes';
		}
		$request = json_decode( $body );
		if ( ! $request instanceof stdClass ) {
			return 'the request is not a JSON object';
		}
		if ( ! isset( $request->op ) || ! is_string( $request->op ) || ! in_array( $request->op, self::OPS, true ) ) {
			return 'op must be one of ' . implode( ', ', self::OPS );
		}
		return null;
	}

	/**
	 * Forwards one report request.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function forward( WP_REST_Request $request ) {
		$settings = Conversation_Reports_Settings::get();
		if ( 'server' !== $settings['source_type'] || '' === $settings['server_url'] ) {
			return new WP_Error( 'conversation_reports_no_source', __( 'No report server is set up.', 'conversation-reports' ), array( 'status' => 404 ) );
		}
		$body  = (string) $request->get_body();
		$issue = self::request_issue( $body );
		if ( null !== $issue ) {
			return new WP_Error( 'conversation_reports_bad_request', $issue, array( 'status' => 400 ) );
		}
		$secret = (string) get_option( Conversation_Reports_Settings::SERVER_SECRET_OPTION, '' );
		$args   = array(
			'timeout'     => 20,
			'redirection' => 0,
			'headers'     => array(
				'Accept'       => 'application/json',
				'Content-Type' => 'application/json',
			),
			'body'        => $body,
		);
		if ( '' !== $secret ) {
			$args['headers'][ $settings['server_header'] ] = $secret;
		}
		$response = wp_remote_post( $settings['server_url'], $args );
		if ( is_wp_error( $response ) ) {
			return new WP_Error( 'conversation_reports_upstream', __( 'The report server could not be reached.', 'conversation-reports' ), array( 'status' => 502 ) );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$answer = json_decode( wp_remote_retrieve_body( $response ) );
		if ( $status >= 200 && $status < 300 ) {
			if ( null === $answer ) {
				return new WP_Error( 'conversation_reports_upstream', __( 'The report server did not answer with JSON.', 'conversation-reports' ), array( 'status' => 502 ) );
			}
			$result = new WP_REST_Response( $answer, 200 );
			$result->header( 'Cache-Control', 'private, no-store' );
			return $result;
		}
		if ( 401 === $status || 403 === $status ) {
			// The reader is WordPress's to check; the server refusing means the plugin's secret is wrong.
			return new WP_Error( 'conversation_reports_upstream', __( 'The report server refused the secret of the settings.', 'conversation-reports' ), array( 'status' => 502 ) );
		}
		if ( $status >= 400 && $status < 500 && 429 !== $status ) {
			// The request's own fault (a bad spec, a range too long): the report handler's { error: { code, message } } names it.
			$code    = isset( $answer->error->code ) && is_string( $answer->error->code ) ? $answer->error->code : 'bad_request';
			$message = isset( $answer->error->message ) && is_string( $answer->error->message ) ? $answer->error->message : '';
			if ( '' === $message || ( '' !== $secret && false !== strpos( $message, $secret ) ) ) {
				/* translators: %d: HTTP status */
				$message = sprintf( __( 'The report server answered %d.', 'conversation-reports' ), $status );
			}
			return new WP_REST_Response( array( 'error' => array( 'code' => $code, 'message' => $message ) ), $status );
		}
		// 429 stays 429 (the kit waits and retries); 5xx and the rest are the server's trouble, never echoed.
		/* translators: %d: HTTP status */
		return new WP_Error( 'conversation_reports_upstream', sprintf( __( 'The report server answered %d.', 'conversation-reports' ), $status ), array( 'status' => 429 === $status ? 429 : 502 ) );
	}
}
