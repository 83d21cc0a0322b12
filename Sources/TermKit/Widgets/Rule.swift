/// Separator lines between panes.
public enum Rule {
    /// A horizontal line across `rect`'s first row, with an optional title
    /// near its left end: `── Title ──────`.
    public static func horizontal(in buffer: inout Buffer, _ rect: Rect, title: String? = nil, style: Style = .dim, titleStyle: Style = .bold) {
        guard rect.height > 0, rect.width > 0 else { return }
        buffer.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
        if let title, !title.isEmpty, rect.width > 6 {
            buffer.put(" " + title + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: titleStyle)
        }
    }

    /// A vertical line down `rect`'s first column.
    public static func vertical(in buffer: inout Buffer, _ rect: Rect, style: Style = .dim) {
        guard rect.width > 0 else { return }
        for y in rect.y..<rect.maxY { buffer.put("│", x: rect.x, y: y, maxWidth: 1, style: style) }
    }
}
