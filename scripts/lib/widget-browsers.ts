/**
 * The browsers the widget is built for (scripts/build-widget.ts), and its peers with it in the bench:
 * constructed stylesheets, which the widget styles with, need Safari 16.4 / Firefox 101 anyway.
 */
export const WIDGET_BROWSERS = ['chrome99', 'firefox101', 'safari16.4'];
