import TermKit

/// The article's links, numbered, over the reader; the selected one reversed.
enum LinksView {
    static func draw(_ links: [String], selected: Int, theme: Theme, in buffer: inout Buffer, _ rect: Rect) {
        guard rect.height > 1 else { return }
        buffer.fill(rect)
        buffer.put("Links — Enter or o opens, y copies, q closes", x: rect.x, y: rect.y, maxWidth: rect.width, style: theme.heading)
        let rows = rect.height - 2
        let top = max(0, min(selected - rows / 2, links.count - rows))
        for (line, index) in (top..<min(links.count, top + rows)).enumerated() {
            let label = "[\(index + 1)] "
            let y = rect.y + 2 + line
            let style = index == selected ? theme.selection : theme.body
            if index == selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), with: Cell(" ", style: style)) }
            let used = buffer.put(label, x: rect.x, y: y, style: index == selected ? style : theme.metadata)
            buffer.put(DisplayWidth.truncate(links[index], to: rect.width - used), x: rect.x + used, y: y, maxWidth: rect.width - used, style: style)
        }
    }
}
