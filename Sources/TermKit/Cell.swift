/// One terminal cell. A wide character occupies its cell and a following
/// continuation cell (`symbol` empty, `width` 0) that backends skip.
public struct Cell: Equatable, Hashable, Sendable {
    public var symbol: String
    public var width: UInt8
    public var style: Style

    public init(_ symbol: String, width: UInt8 = 1, style: Style = .plain) {
        self.symbol = symbol
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ")
    public static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }
    public var isContinuation: Bool { width == 0 }
}
