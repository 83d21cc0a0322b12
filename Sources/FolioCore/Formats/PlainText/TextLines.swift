/// Splits a plain-text file into units: lines, or whole paragraphs when the
/// file is hard-wrapped, and tables from tab- or pipe-separated lines.
/// Works on UTF-8 bytes for splitting, so multi-megabyte files stay fast.
enum TextLines {
    /// The lines of `text`, split at "\n", "\r\n" or "\r".
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes -> [String] in
            var lines: [String] = []
            var start = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            if start < n { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<n]), as: UTF8.self)) }
            return lines
        }
    }

    /// Characters in a line (scalars; close enough for widths), capped for long lines.
    static func length(_ line: String) -> Int {
        let bytes = line.utf8.count
        if bytes > 2000 { return bytes }
        var n = 0
        for b in line.utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    static func isBlank(_ line: String) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C || $0 == 0x0B } || line.allSatisfy(\.isWhitespace)
    }

    /// The width a hard-wrapped file was wrapped at, or nil when it is not hard-wrapped:
    /// most of its longer lines end just short of one width, and almost none pass it.
    static func wrapWidth(_ lengths: [Int]) -> Int? {
        let long = lengths.filter { $0 >= 25 }.sorted()
        guard long.count >= 3 else { return nil }
        let width = long[min(long.count - 1, Int(Double(long.count) * 0.9))]
        guard width <= 160 else { return nil }
        let near = long.filter { Double($0) >= Double(width) * 0.7 && $0 <= width }.count
        let over = long.filter { $0 > width + 4 }.count
        guard near >= 3, Double(near) >= Double(long.count) * 0.5, Double(over) <= Double(long.count) * 0.05 else { return nil }
        return width
    }

    static func units(of text: String) -> [TextUnit] {
        var text = text
        text.makeContiguousUTF8()
        let whole = text  // the same storage: lines are cut from it
        return text.withUTF8 { units(of: LineTable($0, of: whole)) }
    }

    private static func units(of raw: LineTable) -> [TextUnit] {
        let width = wrapWidth(raw.lengths)

        var units: [TextUnit] = []
        var group = 0
        var i = 0
        while i < raw.count {
            if raw.isBlank(i) {
                if i > 0, !raw.isBlank(i - 1) { group += 1 }
                i += 1
                continue
            }
            // A table: two or more consecutive lines split into the same number of cells.
            if raw.mayHoldCells(i), let first = cells(raw[i]), i + 1 < raw.count {
                var rows = [first]
                var j = i + 1
                while j < raw.count {
                    if raw.mayHoldCells(j) && isPipeSeparator(raw[j]) { j += 1; continue }
                    guard raw.mayHoldCells(j), let row = cells(raw[j]), abs(row.count - first.count) <= 1 else { break }
                    rows.append(row)
                    j += 1
                }
                if rows.count >= 2 {
                    let columns = rows.map(\.count).max() ?? 0
                    units.append(TextUnit(table: rows.map { $0 + Array(repeating: "", count: columns - $0.count) }, group: group))
                    i = j
                    continue
                }
            }
            // A paragraph: this line, and the next ones while each line was broken only for width.
            var text = raw.collapsed(i)
            var j = i + 1
            if let width {
                var previousLength = raw.length(i)
                while j < raw.count, !raw.isBlank(j), !raw.mayHoldCells(j) || cells(raw[j]) == nil, previousLength < 2000 {
                    let next = raw.collapsed(j)
                    guard shouldJoin(previousLength, next: next, width: width), !isHeadlineBreak(text, next),
                      !startsOwnLine(next) else { break }
                    if text.hasSuffix("-"), text.dropLast().last?.isLetter == true, next.first?.isLowercase == true {
                        text += next  // a word broken at its hyphen: "well-\nknown"
                    } else {
                        text += " " + next
                    }
                    previousLength = raw.length(j)
                    j += 1
                }
            }
            units.append(TextUnit(text, group: group))
            i = j
        }
        return units
    }

    /// A line ends only because the next word did not fit: it is long, and the
    /// next line's first word would have fitted on it otherwise.
    static func shouldJoin(_ length: Int, next: String, width: Int) -> Bool {
        guard Double(length) >= Double(width) * 0.6, PlainTextExtractor.listItem(next) == nil else { return false }
        let firstWord = next.prefix { !$0.isWhitespace }.count
        return length + 1 + firstWord > width - 10
    }

    /// A headline in title case followed by a line starting with a capital: a title
    /// and its standfirst, not one paragraph broken for width.
    static func isHeadlineBreak(_ line: String, _ next: String) -> Bool {
        guard next.first?.isUppercase == true, let last = line.last, last.isLetter || last.isNumber else { return false }
        let words = line.split(separator: " ").filter { $0.count >= 4 }
        guard words.count >= 2 else { return false }
        return words.filter { $0.first?.isUppercase == true }.count * 10 >= words.count * 7
    }

    /// Lines that stand alone even in a wrapped file: bylines, date lines, site chrome.
    static func startsOwnLine(_ line: String) -> Bool {
        guard line.utf8.count <= 160 else { return false }
        return Byline.parse(line) != nil || DateParser.isDateLine(line) || TextSignals.isChrome(TextSignals.normalized(line))
    }

    /// Cells of a tab-separated line ("Zone\tAnnual permit\t…") or a pipe table row ("| a | b |").
    static func cells(_ line: String) -> [String]? {
        guard line.containsByte(0x09, or: 0x7C) else { return nil }
        if line.containsByte(0x09) {
            let trimmed = line.trimmingSpaces()
            guard trimmed.contains("\t") else { return nil }
            var parts = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map { TextCleanup.collapseWhitespace(String($0)) }
            while parts.last?.isEmpty == true { parts.removeLast() }
            guard parts.count >= 2, parts.filter({ !$0.isEmpty }).count >= 2 else { return nil }
            return parts
        }
        let t = line.trimmingSpaces()
        if t.count >= 5, t.hasPrefix("|"), t.hasSuffix("|"), !isPipeSeparator(line) {
            let parts = t.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map { TextCleanup.collapseWhitespace(String($0)) }
            return parts.count >= 2 ? parts : nil
        }
        return nil
    }

    /// "|---|:---:|" under a pipe table's header.
    static func isPipeSeparator(_ line: String) -> Bool {
        let t = line.trimmingSpaces()
        return t.hasPrefix("|") && t.contains("-") && t.allSatisfy { "|-: ".contains($0) }
    }
}
