<?php
/**
 * The REST data source, fetched by WordPress so its secret stays on the server.
 *
 * @package ConversationReports
 */

defined( 'ABSPATH' ) || exit;

/**
 * `GET /conversation-reports/v1/data?…`: fetches the REST URL of the settings with the secret
 * header added, forwarding the query (the kit's cursor, offset and range parameters) and handing
 * back the JSON. Only the URL an administrator set is ever fetched, never one from the request, and
 * redirects are not followed (they would carry the secret elsewhere). A `next` link in the answer
 * that points into the upstream is rewritten to point back here, so cursor paging by link works.
 * Who may call it: users who may read reports, and visitors when the settings make reports public.
 */
class Conversation_Reports_Data_Proxy {

	/** Hooks. */
	public static function init() {
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
	}

	/** The route. */
	public static function register_routes() {
		register_rest_route(
			Conversation_Reports_Dashboards_Controller::NAMESPACE_V1,
			'/data',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'fetch' ),
				'permission_callback' => array( __CLASS__, 'may_fetch' ),
			)
		);
	}

	/** Readers of reports, and anyone when reports are public. */
	public static function may_fetch() {
		return current_user_can( Conversation_Reports_Access::READ ) || Conversation_Reports_Settings::get()['public'];
	}

	/**
	 * Fetches one page upstream.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function fetch( WP_REST_Request $request ) {
		$settings = Conversation_Reports_Settings::get();
		if ( 'rest' !== $settings['source_type'] || '' === $settings['rest_url'] ) {
			return new WP_Error( 'conversation_reports_no_source', __( 'No REST data source is set up.', 'conversation-reports' ), array( 'status' => 404 ) );
		}
		$query = self::forwarded_query( $request );
		$url   = add_query_arg( $query, $settings['rest_url'] );
		$args  = array(
			'timeout'     => 15,
			'redirection' => 0,
			'headers'     => array( 'Accept' => 'application/json' ),
		);
		$secret = (string) get_option( Conversation_Reports_Settings::SECRET_OPTION, '' );
		if ( '' !== $secret ) {
			$args['headers'][ $settings['rest_header'] ] = $secret;
		}
		$response = wp_remote_get( $url, $args );
		if ( is_wp_error( $response ) ) {
			return new WP_Error( 'conversation_reports_upstream', __( 'The data source could not be reached.', 'conversation-reports' ), array( 'status' => 502 ) );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$body   = json_decode( wp_remote_retrieve_body( $response ) );
		if ( $status < 200 || $status >= 300 ) {
			// Never echo the upstream's error text: it may repeat the request, secret header included.
			/* translators: %d: HTTP status */
			return new WP_Error( 'conversation_reports_upstream', sprintf( __( 'The data source answered %d.', 'conversation-reports' ), $status ), array( 'status' => 429 === $status ? 429 : 502 ) );
		}
		if ( null === $body ) {
			return new WP_Error( 'conversation_reports_upstream', __( 'The data source did not answer with JSON.', 'conversation-reports' ), array( 'status' => 502 ) );
		}
		if ( $body instanceof stdClass && isset( $body->next ) && is_string( $body->next ) ) {
			$body->next = self::local_link( $body->next, $settings['rest_url'] );
		}
		$result = new WP_REST_Response( $body, 200 );
		$result->header( 'Cache-Control', 'private, no-store' );
		return $result;
	}

	/**
	 * The request's query without WordPress's own parameters.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	private static function forwarded_query( WP_REST_Request $request ) {
		$query = array();
		foreach ( $request->get_query_params() as $key => $value ) {
			if ( in_array( $key, array( 'rest_route', '_wpnonce', '_locale' ), true ) || ! is_scalar( $value ) ) {
				continue;
			}
			$query[ $key ] = rawurlencode( (string) $value );
		}
		return $query;
	}

	/**
	 * A `next` link into the upstream becomes the same query on this route; anything else (a token) stays.
	 *
	 * @param string $next     The upstream's next link or token.
	 * @param string $upstream The upstream URL.
	 */
	private static function local_link( $next, $upstream ) {
		if ( ! preg_match( '#^(https?:)?//|^/|^\?#', $next ) ) {
			return $next;
		}
		$absolute = WP_Http::make_absolute_url( $next, $upstream );
		if ( wp_parse_url( $absolute, PHP_URL_HOST ) !== wp_parse_url( $upstream, PHP_URL_HOST ) ) {
			return $next;
		}
		$query = array();
		wp_parse_str( (string) wp_parse_url( $absolute, PHP_URL_QUERY ), $query );
		$own = array();
		wp_parse_str( (string) wp_parse_url( $upstream, PHP_URL_QUERY ), $own );
		// The upstream URL's own parameters are added again on the next fetch; WordPress's are this site's.
		$query = array_diff_key( array_filter( $query, 'is_scalar' ), $own, array_flip( array( 'rest_route', '_wpnonce', '_locale' ) ) );
		return add_query_arg( array_map( 'rawurlencode', $query ), Conversation_Reports_Embed::rest_url( '/data' ) );
	}
}
