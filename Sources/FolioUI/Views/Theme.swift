import TermKit

/// The styles of each element of the screen. Restrained: the terminal's own
/// colours, bold for unread, reverse for the selection, dim for metadata, so
/// folio reads on dark and light backgrounds; `NO_COLOR` drops the few colours.
public struct Theme: Equatable, Sendable {
    public var titleBar = Style.bold
    public var statusBar = Style.dim
    public var statusKey = Style.bold
    public var message = Style.bold
    public var separator = Style.dim
    public var focusedSeparator = Style.bold
    public var unread = Style.bold
    public var read = Style.plain
    public var unreadMarker = Style(foreground: .ansi(6), attributes: .bold)
    public var selection = Style.reverse
    public var inactiveSelectionMarker = Style.bold
    public var metadata = Style.dim
    public var articleTitle = Style.bold
    public var subtitle = Style(attributes: .italic)
    public var url = Style(attributes: [.dim, .underline])
    public var heading = Style.bold
    public var body = Style.plain
    public var code = Style(foreground: .ansi(6))
    public var quoteBar = Style.dim
    public var notice = Style(foreground: .ansi(3), attributes: .bold)

    public static let standard = Theme()

    /// The same theme with every colour removed (for `NO_COLOR`).
    public var withoutColors: Theme {
        var t = self
        for path in Self.styles { t[keyPath: path] = t[keyPath: path].withoutColors }
        return t
    }

    private static let styles: [WritableKeyPath<Theme, Style>] = [
        \.titleBar, \.statusBar, \.statusKey, \.message, \.separator, \.focusedSeparator, \.unread, \.read, \.unreadMarker,
        \.selection, \.inactiveSelectionMarker, \.metadata, \.articleTitle, \.subtitle, \.url, \.heading, \.body, \.code,
        \.quoteBar, \.notice,
    ]
}
