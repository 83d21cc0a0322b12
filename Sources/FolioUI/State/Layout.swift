import TermKit

/// Where each part of the screen goes. Side by side from 120 columns, stacked
/// (list above reader) below that, unless the `layout` setting fixes one; `z`
/// zooms the reader to the whole screen.
public struct Layout: Equatable, Sendable {
    public static let minimumSize = Size(width: 20, height: 6)
    public static let sideBySideWidth = 120
    /// Article text never gets wider than this, however wide the pane (the `wrap-width` setting).
    public static let maxTextWidth = 100
    public let textWidth: Int

    public let size: Size
    public let tooSmall: Bool
    public let sideBySide: Bool
    public let titleBar: Rect
    public let list: Rect
    public let separator: Rect
    public let reader: Rect
    public let statusBar: Rect

    public init(size: Size, zoomed: Bool, mode: Settings.LayoutMode = .auto, textWidth: Int = Layout.maxTextWidth) {
        self.size = size
        self.textWidth = textWidth
        tooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        let full = Rect(size: size)
        titleBar = full.row(0)
        statusBar = full.row(size.height - 1)
        let body = full.inset(top: 1, bottom: 1)
        switch mode {
        case .auto: sideBySide = size.width >= Self.sideBySideWidth && !zoomed
        case .sideBySide: sideBySide = size.width >= 2 * Self.minimumSize.width && !zoomed
        case .stacked: sideBySide = false
        }
        if zoomed {
            list = Rect(x: 0, y: body.y, width: 0, height: 0)
            separator = list
            reader = body
        } else if sideBySide {
            let (left, rest) = body.splitColumns(size.width * 2 / 5)
            let (line, right) = rest.splitColumns(1)
            list = left
            separator = line
            reader = right
        } else {
            let listHeight = max(1, (body.height - 1) / 3)
            let (top, rest) = body.splitRows(listHeight)
            let (line, bottom) = rest.splitRows(1)
            list = top
            separator = line
            reader = bottom
        }
    }

    /// Columns of article text in the reader.
    public var readerTextWidth: Int { max(1, min(textWidth, reader.width - 2)) }
    /// Where the article text starts: one column of margin, centred when capped.
    public var readerTextX: Int { reader.x + max(1, (reader.width - readerTextWidth) / 2) }
}
