/// A run of text in one style.
public struct Span: Equatable, Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text.
public typealias StyledLine = [Span]

extension Array where Element == Span {
    /// The plain text of a styled line.
    public var plainText: String { map(\.text).joined() }
    /// Columns the line occupies.
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
