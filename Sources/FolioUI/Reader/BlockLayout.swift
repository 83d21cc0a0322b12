import FolioCore
import TermKit

/// Lays out body blocks: paragraphs wrapped, headings bold, quotes with a bar,
/// nested lists with bullets, code unwrapped, tables as aligned columns.
struct BlockLayout {
    let width: Int
    let theme: Theme

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

    private func layout(_ block: Block) -> [StyledLine] {
        switch block {
        case .paragraph(let inlines):
            return TextWrap.wrap(spans(inlines), width: width)
        case .heading(let level, let inlines):
            let style = level <= 2 ? theme.heading : theme.heading.adding(.italic)
            return TextWrap.wrap(spans(inlines).map { Span($0.text, style: $0.style.adding(style.attributes)) }, width: width)
        case .quote(let inner):
            return indented(BlockLayout(width: max(1, width - 2), theme: theme).lines(for: inner), first: "│ ", rest: "│ ", style: theme.quoteBar)
        case .list(let ordered, let start, let items):
            var out: [StyledLine] = []
            let markerWidth = ordered ? "\(start + items.count - 1). ".count : 2
            for (index, item) in items.enumerated() {
                let marker = ordered ? "\(start + index).".padding(toLength: markerWidth, withPad: " ", startingAt: 0) : "• "
                let inner = BlockLayout(width: max(1, width - markerWidth), theme: theme).lines(for: item).filter { !$0.isEmpty }
                out += indented(inner.isEmpty ? [[]] : inner, first: marker, rest: String(repeating: " ", count: markerWidth), style: theme.metadata)
            }
            return out
        case .code(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let expanded = TerminalText.sanitize(String(line), tabWidth: 4)
                let fitted = DisplayWidth.of(expanded) > width - 2 ? DisplayWidth.truncate(expanded, to: max(1, width - 2), ellipsis: "→") : expanded
                return [Span("  " + fitted, style: theme.code)]
            }
        case .rule:
            return [[Span(String(repeating: "─", count: min(width, 20)), style: theme.metadata)]]
        case .table(let rows, let hasHeader):
            return TableLayout(width: width, theme: theme).lines(rows: rows.map { $0.map(\.plainText) }, hasHeader: hasHeader)
        case .image(let alt):
            return TextWrap.wrap(alt.isEmpty ? "[image]" : "[image: \(alt)]", width: width, style: theme.metadata.adding(.italic))
        }
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

    private func indented(_ lines: [StyledLine], first: String, rest: String, style: Style) -> [StyledLine] {
        lines.enumerated().map { index, line in [Span(index == 0 ? first : rest, style: style)] + line }
    }
}
