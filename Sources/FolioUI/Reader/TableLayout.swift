import TermKit

/// A table as aligned columns that fit the width; cells too wide are cut with "…".
struct TableLayout {
    let width: Int
    let theme: Theme

    func lines(rows: [[String]], hasHeader: Bool) -> [StyledLine] {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let cells = rows.map { row in (0..<columns).map { $0 < row.count ? TerminalText.sanitize(row[$0]) : "" } }
        var widths = (0..<columns).map { c in cells.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        let separator = " │ "
        let available = width - (columns - 1) * separator.count
        // Shrink the widest column until the table fits.
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
            widths[widest] -= 1
        }
        var out: [StyledLine] = []
        for (r, row) in cells.enumerated() {
            let style = hasHeader && r == 0 ? theme.heading : theme.body
            var line: StyledLine = []
            for (c, cell) in row.enumerated() {
                if c > 0 { line.append(Span(separator, style: theme.metadata)) }
                line.append(Span(DisplayWidth.fit(cell, to: widths[c]), style: style))
            }
            out.append(line)
            if hasHeader && r == 0 {
                out.append([Span(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), style: theme.metadata)])
            }
        }
        return out
    }
}
