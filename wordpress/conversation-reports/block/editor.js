/**
 * The block's editor: the same three settings as the shortcode in the sidebar, and a live preview
 * drawn by the kit from sample data (the site's real data stays out of the editor, and the preview
 * needs no round trip to the server). Plain JavaScript on the editor's globals, so the plugin has
 * no build step of its own.
 */
( function ( wp ) {
	const el = wp.element.createElement;
	const { __ } = wp.i18n;
	const { InspectorControls, useBlockProps } = wp.blockEditor;
	const { PanelBody, SelectControl, TextControl } = wp.components;

	const TEMPLATES = [
		{ value: 'chat-overview', label: __( 'Chat overview', 'conversation-reports' ) },
		{ value: 'email-overview', label: __( 'Email overview', 'conversation-reports' ) },
	];
	const RANGES = [
		[ 'today', __( 'Today', 'conversation-reports' ) ],
		[ 'yesterday', __( 'Yesterday', 'conversation-reports' ) ],
		[ 'this-week', __( 'This week', 'conversation-reports' ) ],
		[ 'last-week', __( 'Last week', 'conversation-reports' ) ],
		[ 'last-7-days', __( 'Last 7 days', 'conversation-reports' ) ],
		[ 'last-30-days', __( 'Last 30 days', 'conversation-reports' ) ],
		[ 'last-90-days', __( 'Last 90 days', 'conversation-reports' ) ],
		[ 'this-month', __( 'This month', 'conversation-reports' ) ],
		[ 'last-month', __( 'Last month', 'conversation-reports' ) ],
		[ 'this-quarter', __( 'This quarter', 'conversation-reports' ) ],
	].map( ( [ value, label ] ) => ( { value, label } ) );

	/** The stored dashboards this user may see, for the dashboard picker (templates until they arrive). */
	function useDashboards() {
		const [ stored, setStored ] = wp.element.useState( [] );
		wp.element.useEffect( () => {
			let live = true;
			wp.apiFetch( { path: '/conversation-reports/v1/dashboards' } )
				.then( ( list ) => live && Array.isArray( list ) && setStored( list.map( ( d ) => ( { value: String( d.id ), label: String( d.name || d.id ) } ) ) ) )
				.catch( () => undefined );
			return () => {
				live = false;
			};
		}, [] );
		return TEMPLATES.concat( stored );
	}

	wp.blocks.registerBlockType( 'conversation-reports/dashboard', {
		edit( props ) {
			const { attributes, setAttributes } = props;
			const dashboards = useDashboards();
			const known = dashboards.some( ( d ) => d.value === attributes.dashboard );
			const options = known ? dashboards : dashboards.concat( [ { value: attributes.dashboard, label: attributes.dashboard } ] );
			const rangeKnown = RANGES.some( ( r ) => r.value === attributes.range );
			return el(
				wp.element.Fragment,
				null,
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Report settings', 'conversation-reports' ), initialOpen: true },
						el( SelectControl, {
							label: __( 'Dashboard', 'conversation-reports' ),
							value: attributes.dashboard,
							options,
							onChange: ( dashboard ) => setAttributes( { dashboard } ),
						} ),
						el( SelectControl, {
							label: __( 'Date range', 'conversation-reports' ),
							value: attributes.range,
							options: rangeKnown ? RANGES : RANGES.concat( [ { value: attributes.range, label: attributes.range } ] ),
							onChange: ( range ) => setAttributes( { range } ),
						} ),
						el( TextControl, {
							label: __( 'Data source', 'conversation-reports' ),
							help: __( 'Empty: the data source of Settings → Conversation reports. "sample", or the id of a CSV file in the media library.', 'conversation-reports' ),
							value: attributes.source,
							onChange: ( source ) => setAttributes( { source } ),
						} )
					)
				),
				el(
					'div',
					useBlockProps(),
					el( 'p', { className: 'conversation-reports-preview-note' }, __( 'Preview with sample data; the page shows your data.', 'conversation-reports' ) ),
					el( 'conversation-dashboard', {
						sample: '400',
						range: attributes.range,
						'dashboard-id': attributes.dashboard,
						key: attributes.dashboard + '|' + attributes.range,
					} )
				)
			);
		},
		save() {
			return null;
		},
	} );
} )( window.wp );
