import TermKit

/// A table as aligned columns that fit the width. Columns of numbers are
/// right-aligned. When the natural widths do not fit, the widest columns give
/// way and their cells wrap onto more lines; when even that cannot fit (many
/// columns in a narrow pane), each row is shown as "Header: value" lines.
struct TableLayout {
    let width: Int
    let theme: Theme

    static let separator = " │ "

    func lines(rows: [[String]], hasHeader: Bool) -> [StyledLine] {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0, width > 0 else { return [] }
        let cells = rows.map { row in
            (0..<columns).map { c in
                c < row.count ? TerminalText.sanitize(row[c].replacingOccurrences(of: "\n", with: " ")).trimmingSpaces : ""
            }
        }
        let natural = (0..<columns).map { c in cells.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        let minimum = (0..<columns).map { c in
            min(natural[c], max(4, min(10, cells.map { Self.longestWord($0[c]) }.max() ?? 0)))
        }
        let available = width - (columns - 1) * Self.separator.count
        if minimum.reduce(0, +) > available { return records(cells, hasHeader: hasHeader) }

        var widths = natural
        while widths.reduce(0, +) > available {
            // Take a column from the widest one that can still give.
            guard let c = widths.indices.filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[c] -= 1
        }
        let body = hasHeader ? cells.dropFirst() : cells[...]
        let numeric = (0..<columns).map { c in
            let values = body.map { $0[c] }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy(Self.isNumeric)
        }

        var out: [StyledLine] = []
        for (r, row) in cells.enumerated() {
            let header = hasHeader && r == 0
            let style = header ? theme.heading : theme.body
            let wrapped = row.enumerated().map { c, cell in
                cell.isEmpty ? [""] : TextWrap.wrap(cell, width: widths[c]).map(\.plainText)
            }
            let height = wrapped.map(\.count).max() ?? 1
            for k in 0..<height {
                var line: StyledLine = []
                for c in 0..<columns {
                    if c > 0 { line.append(Span(Self.separator, style: theme.metadata)) }
                    let text = k < wrapped[c].count ? wrapped[c][k] : ""
                    let pad = max(0, widths[c] - DisplayWidth.of(text))
                    let padded = numeric[c] ? String(repeating: " ", count: pad) + text : text + String(repeating: " ", count: pad)
                    line.append(Span(padded, style: style))
                }
                out.append(Self.trimTrailingSpaces(line))
            }
            if header {
                out.append([Span(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), style: theme.metadata)])
            }
        }
        return out
    }

    /// Each row as "Header: value" lines, a blank line between rows.
    private func records(_ cells: [[String]], hasHeader: Bool) -> [StyledLine] {
        let names = hasHeader ? cells[0] : cells[0].indices.map { "Column \($0 + 1)" }
        var out: [StyledLine] = []
        for row in hasHeader ? Array(cells.dropFirst()) : cells {
            if !out.isEmpty { out.append([]) }
            for (c, value) in row.enumerated() where !value.isEmpty {
                let label = (names[c].isEmpty ? "Column \(c + 1)" : names[c]) + ": "
                out += TextWrap.wrap([Span(label, style: theme.heading), Span(value, style: theme.body)], width: width)
            }
        }
        return out
    }

    static func longestWord(_ text: String) -> Int {
        text.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0
    }

    /// "1200", "£68", "-4.5%", "14.8°C", "9 h": a number with at most a short unit.
    static func isNumeric(_ text: String) -> Bool {
        var t = Substring(text)
        while let f = t.first, "£$€¥+-−~≈(".contains(f) { t = t.dropFirst() }
        guard let first = t.first, first.isASCII, first.isNumber else { return false }
        let rest = t.drop { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == " " || $0 == "'") }
        return rest.count <= 3 && !rest.contains(where: \.isNumber)
    }

    static func trimTrailingSpaces(_ line: StyledLine) -> StyledLine {
        var line = line
        while var last = line.last {
            while last.text.hasSuffix(" ") { last.text.removeLast() }
            if last.text.isEmpty { line.removeLast(); continue }
            line[line.count - 1] = last
            break
        }
        return line
    }
}

extension String {
    /// Without spaces at either end.
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
