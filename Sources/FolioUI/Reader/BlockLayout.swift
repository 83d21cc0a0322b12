import FolioCore
import TermKit

/// Lays out body blocks: paragraphs wrapped (hard line breaks kept), headings
/// bold, quotes with a bar, nested lists with bullets by depth and aligned
/// numbers, code unwrapped (overlong lines continue on the next line after a
/// "→"), tables as aligned columns, images as their description.
struct BlockLayout {
    let width: Int
    let theme: Theme
    /// How many lists this layout sits inside (chooses the bullet).
    var listDepth = 0

    static let bullets = ["•", "◦", "▪", "‣"]

    init(width: Int, theme: Theme, listDepth: Int = 0) {
        self.width = max(1, width)
        self.theme = theme
        self.listDepth = listDepth
    }

    func lines(for blocks: [Block]) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            let lines = layout(block)
            if lines.isEmpty { continue }
            if !out.isEmpty { out.append([]) }
            out += lines
        }
        return out
    }

    func layout(_ block: Block) -> [StyledLine] {
        switch block {
        case .paragraph(let inlines):
            guard !inlines.isEmpty else { return [] }
            return TextWrap.wrap(spans(inlines), width: width)
        case .heading(let level, let inlines):
            let extra: Attributes = level <= 2 ? theme.heading.attributes : theme.heading.attributes.union(.italic)
            return TextWrap.wrap(spans(inlines).map { Span($0.text, style: $0.style.adding(extra)) }, width: width)
        case .quote(let inner):
            let body = BlockLayout(width: width - 2, theme: theme, listDepth: listDepth).lines(for: inner)
            return body.map { line in line.isEmpty ? [Span("│", style: theme.quoteBar)] : [Span("│ ", style: theme.quoteBar)] + line }
        case .list(let ordered, let start, let items):
            return list(ordered: ordered, start: start, items: items)
        case .code(let text):
            return code(text)
        case .rule:
            return [[Span(String(repeating: "─", count: min(width, 20)), style: theme.metadata)]]
        case .table(let rows, let hasHeader):
            return TableLayout(width: width, theme: theme).lines(rows: rows.map { $0.map(\.plainText) }, hasHeader: hasHeader)
        case .image(let alt):
            return TextWrap.wrap(alt.isEmpty ? "[image]" : "[image: \(alt)]", width: width, style: theme.metadata.adding(.italic))
        }
    }

    /// Items with a bullet (by depth) or a number right-aligned to the widest one.
    /// A tight list has no blank lines between items; a list whose items hold
    /// several paragraphs (a loose list) has one between each.
    private func list(ordered: Bool, start: Int, items: [[Block]]) -> [StyledLine] {
        let last = start + max(0, items.count - 1)
        let numberWidth = ordered ? max(String(start).count, String(last).count) + 1 : 1
        let markerWidth = min(numberWidth + 1, max(2, width / 3))
        let loose = items.contains { item in item.filter { if case .list = $0 { return false }; return true }.count > 1 }
        let inner = BlockLayout(width: width - markerWidth, theme: theme, listDepth: listDepth + 1)
        var out: [StyledLine] = []
        for (index, item) in items.enumerated() {
            let marker: String
            if ordered {
                let number = "\(start + index)."
                marker = String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " "
            } else {
                marker = Self.bullets[listDepth % Self.bullets.count] + " "
            }
            var body = inner.itemLines(item)
            if body.isEmpty { body = [[]] }
            if loose, index > 0 { out.append([]) }
            let pad = String(repeating: " ", count: markerWidth)
            for (n, line) in body.enumerated() {
                if line.isEmpty { out.append([]); continue }
                out.append([Span(n == 0 ? DisplayWidth.fit(marker, to: markerWidth) : pad, style: theme.metadata)] + line)
            }
        }
        return out
    }

    /// An item's blocks: a paragraph and the list nested under it sit together;
    /// other blocks are set off by a blank line.
    private func itemLines(_ blocks: [Block]) -> [StyledLine] {
        var out: [StyledLine] = []
        var previous: Block?
        for block in blocks {
            let lines = layout(block)
            if lines.isEmpty { continue }
            if let previous {
                var tight = false
                if case .list = block, case .paragraph = previous { tight = true }
                if case .list = block, case .list = previous { tight = true }
                if !tight { out.append([]) }
            }
            out += lines
            previous = block
        }
        return out
    }

    /// Code as written: tabs expanded, never re-wrapped; a line wider than the
    /// pane is cut and continued on the next line, the cut marked with "→".
    private func code(_ text: String) -> [StyledLine] {
        let indent = width >= 24 ? 2 : 0
        let room = max(2, width - indent)
        var out: [StyledLine] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = TerminalText.sanitize(String(raw), tabWidth: 4)
            while line.hasSuffix(" ") { line.removeLast() }
            while DisplayWidth.of(line) > room {
                var head = DisplayWidth.truncate(line, to: room - 1, ellipsis: "")
                if head.isEmpty { head = String(line.prefix(1)) }  // a character wider than the room
                out.append([Span(String(repeating: " ", count: indent) + head, style: theme.code), Span("→", style: theme.metadata)])
                line = String(line.dropFirst(head.count))
            }
            out.append(line.isEmpty ? [] : [Span(String(repeating: " ", count: indent) + line, style: theme.code)])
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    /// Styled spans for inline runs; a link's text is followed by its number.
    func spans(_ inlines: [Inline]) -> [Span] {
        var result: [Span] = []
        for (i, inline) in inlines.enumerated() {
            var style = theme.body
            if inline.style.contains(.emphasis) { style = style.adding(.italic) }
            if inline.style.contains(.strong) { style = style.adding(.bold) }
            if inline.style.contains(.code) { style = theme.code }
            if inline.style.contains(.link) { style = style.adding(.underline) }
            result.append(Span(inline.text, style: style))
            if let n = inline.linkNumber, i + 1 == inlines.count || inlines[i + 1].linkNumber != n {
                result.append(Span("[\(n)]", style: theme.metadata))
            }
        }
        return result
    }
}
