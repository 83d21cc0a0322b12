import Foundation

/// Parses Markdown into `Block`s: ATX and setext headings, paragraphs (with
/// hard line breaks), nested lists, block quotes, fenced and indented code,
/// rules, pipe tables, images, HTML comments and blocks. Nesting deeper than
/// `maxDepth` is read as text, so hostile input cannot exhaust the stack.
struct MarkdownBlocks {
    let inlines: MarkdownInlines

    static let maxDepth = 16

    /// The lines of `text`, split at "\n", "\r\n" or "\r" (on bytes: fast on long text).
    static func lines(_ text: Substring) -> [Substring] { LineBreaks.all(text) }

    /// Reference definitions (`[id]: https://… "Title"`) found anywhere in the text.
    static func references(in lines: [Substring]) -> [String: String] {
        var refs: [String: String] = [:]
        for line in lines {
            guard let first = line.utf8.first(where: { $0 != 0x20 }), first == 0x5B, line.utf8.count < 4000,
                  let (key, url) = referenceDefinition(line.trimmingSpaces()) else { continue }
            if refs[key] == nil { refs[key] = url }
        }
        return refs
    }

    /// `[id]: <url> "title"` -> (normalized id, url). Footnotes (`[^1]: …`) are not references.
    static func referenceDefinition(_ trimmed: String) -> (String, String)? {
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[^"), let close = trimmed.firstIndex(of: "]") else { return nil }
        let after = trimmed[trimmed.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let rest = after.dropFirst().trimmingSpaces()
        guard let target = rest.split(separator: " ", maxSplits: 1).first else { return nil }
        let remainder = rest.dropFirst(target.count).trimmingSpaces()
        // Anything after the URL must be a title in quotes or parentheses.
        if !remainder.isEmpty {
            guard let f = remainder.first, let l = remainder.last, remainder.count >= 2,
                  (f == "\"" && l == "\"") || (f == "'" && l == "'") || (f == "(" && l == ")") else { return nil }
        }
        let key = TextCleanup.collapseWhitespace(String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])).quickLowercased()
        guard !key.isEmpty else { return nil }
        return (key, String(target).trimmingScalars(in: "<>"))
    }

    func parse(_ lines: [Substring], depth: Int = 0) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [Substring] = []
        var i = 0

        func flush() {
            guard !paragraph.isEmpty else { return }
            let parsed = inlines.parse(bytes: Self.joinParagraphBytes(paragraph))
            if Self.hasVisibleText(parsed) { blocks.append(.paragraph(parsed)) }
            paragraph.removeAll(keepingCapacity: true)
        }

        while i < lines.count {
            let line = lines[i]
            if Self.isPlainTextLine(line) { paragraph.append(line); i += 1; continue }
            let trimmed = String(Self.trim(line))
            let indent = Self.indent(of: line)

            if trimmed.isEmpty { flush(); i += 1; continue }
            if paragraph.isEmpty, indent < 4, Self.referenceDefinition(trimmed) != nil { i += 1; continue }

            if indent < 4, let fence = Self.fence(trimmed) {
                flush()
                var code: [Substring] = []
                i += 1
                while i < lines.count {
                    let t = Self.trim(lines[i])
                    if t.hasPrefix(fence), t.allSatisfy({ $0 == fence.first! }) { break }
                    code.append(Self.dropIndent(lines[i], upTo: indent)); i += 1
                }
                i += 1
                blocks.append(.code(code.joined(separator: "\n")))
                continue
            }
            if indent < 4, trimmed.hasPrefix("<!--") {
                // An HTML comment, possibly over several lines.
                flush()
                while i < lines.count, !(lines[i].utf8Range(of: "-->") != nil && lines[i].contains("-->")) { i += 1 }
                i += 1
                continue
            }
            if indent < 4, let name = Self.rawHTMLBlock(trimmed) {
                // <script>, <style>: skipped with their content.
                flush()
                while i < lines.count, !lines[i].quickLowercased().contains("</\(name)") { i += 1 }
                i += 1
                continue
            }
            if indent < 4, let heading = Self.atxHeading(trimmed) {
                flush()
                blocks.append(.heading(level: heading.0, inlines.parse(heading.1)))
                i += 1; continue
            }
            if indent < 4, !paragraph.isEmpty, let level = Self.setextLevel(trimmed) {
                let text = paragraph.map { $0.trimmingSpaces() }.joined(separator: " ")
                paragraph = []
                blocks.append(.heading(level: level, inlines.parse(text)))
                i += 1; continue
            }
            if indent < 4, Self.isRule(trimmed) { flush(); blocks.append(.rule); i += 1; continue }
            if indent < 4, trimmed.hasPrefix(">"), depth < Self.maxDepth {
                flush()
                var quoted: [Substring] = []
                while i < lines.count {
                    let t = Self.trim(lines[i])
                    if t.hasPrefix(">") {
                        var rest = t.dropFirst()
                        if rest.first == " " { rest = rest.dropFirst() }
                        quoted.append(rest)
                    } else if !t.isEmpty, let last = quoted.last, !Self.trim(last).isEmpty,
                              !Self.startsBlock(lines[i]), Self.fence(String(Self.trim(last))) == nil {
                        quoted.append(t)  // lazy continuation of the quoted paragraph
                    } else { break }
                    i += 1
                }
                blocks.append(.quote(parse(quoted, depth: depth + 1)))
                continue
            }
            if indent < 4, depth < Self.maxDepth, Self.listMarker(line) != nil,
               paragraph.isEmpty || Self.canInterruptParagraph(line) {
                flush()
                let (list, next) = parseList(lines, from: i, depth: depth)
                blocks.append(list)
                i = next
                continue
            }
            // A "|" byte first: Foundation's contains bridges the line to NSString.
            if indent < 4, trimmed.containsByte(0x7C), trimmed.contains("|"), i + 1 < lines.count, Self.isTableSeparator(lines[i + 1]) {
                flush()
                var rows: [[[Inline]]] = [Self.cells(trimmed).map { inlines.parse($0) }]
                i += 2
                while i < lines.count, lines[i].containsByte(0x7C), lines[i].contains("|"), !Self.trim(lines[i]).isEmpty {
                    rows.append(Self.cells(String(Self.trim(lines[i]))).map { inlines.parse($0) })
                    i += 1
                }
                blocks.append(.table(rows: rows, hasHeader: true))
                continue
            }
            if indent >= 4, paragraph.isEmpty {
                var code: [Substring] = []
                while i < lines.count, Self.indent(of: lines[i]) >= 4 || Self.trim(lines[i]).isEmpty {
                    code.append(Self.dropIndent(lines[i], upTo: 4)); i += 1
                }
                while let last = code.last, Self.trim(last).isEmpty { code.removeLast() }
                blocks.append(.code(code.joined(separator: "\n")))
                continue
            }
            if paragraph.isEmpty, let alt = Self.standaloneImage(trimmed) {
                blocks.append(.image(alt: HTMLEntities.decode(alt)))
                i += 1; continue
            }
            paragraph.append(line)
            i += 1
        }
        flush()
        return blocks
    }

    /// Whether some run has a Character that is not whitespace. A first run starting with
    /// printable ASCII other than a space has one (its first Character starts with that
    /// scalar, which is not White_Space); other runs are walked by Character.
    static func hasVisibleText(_ runs: [Inline]) -> Bool {
        guard let first = runs.first else { return false }
        if let b = first.text.utf8.first, b > 0x20, b < 0x7F { return true }
        return !runs.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) })
    }

    /// A paragraph's lines as one text (the straightforward form of `joinParagraphBytes`,
    /// which the tests hold it to): soft breaks become spaces; two trailing spaces
    /// or a trailing backslash make a hard break ("\n").
    static func joinParagraph(_ lines: [Substring]) -> String {
        var text = ""
        for (index, line) in lines.enumerated() {
            var t = String(trim(line))
            let last = index == lines.count - 1
            var hardBreak = false
            if !last {
                if line.hasSuffix("  ") || line.hasSuffix("\t") { hardBreak = true }
                if t.hasSuffix("\\"), !t.hasSuffix("\\\\") { t.removeLast(); hardBreak = true }
            }
            text += t
            if !last { text += hardBreak ? "\n" : " " }
        }
        return text
    }

    /// `joinParagraph` as UTF-8 bytes, for the inline parser. A line whose last three
    /// bytes (before and after trimming) are ASCII ends in Characters of one byte each
    /// (lines hold no CR), so its hard break is read from bytes; other lines go the
    /// Character way.
    static func joinParagraphBytes(_ lines: [Substring]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for (index, line) in lines.enumerated() {
            let last = index == lines.count - 1
            let done: Bool? = line.utf8.withContiguousStorageIfAvailable { bytes in
                var lo = 0, hi = bytes.count
                while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
                while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
                let n = bytes.count
                guard bytes[max(0, n - 3)..<n].allSatisfy({ $0 < 0x80 }), bytes[max(lo, hi - 3)..<hi].allSatisfy({ $0 < 0x80 }) else { return false }
                var hardBreak = false
                if !last {
                    if n >= 1, bytes[n - 1] == 0x09 { hardBreak = true }
                    if n >= 2, bytes[n - 1] == 0x20, bytes[n - 2] == 0x20 { hardBreak = true }
                    if hi > lo, bytes[hi - 1] == 0x5C, !(hi - lo >= 2 && bytes[hi - 2] == 0x5C) { hi -= 1; hardBreak = true }
                }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
                if !last { text.append(hardBreak ? 0x0A : 0x20) }
                return true
            }
            if done == true { continue }
            var t = String(trim(line))
            var hardBreak = false
            if !last {
                if line.hasSuffix("  ") || line.hasSuffix("\t") { hardBreak = true }
                if t.hasSuffix("\\"), !t.hasSuffix("\\\\") { t.removeLast(); hardBreak = true }
            }
            text.append(contentsOf: t.utf8)
            if !last { text.append(hardBreak ? 0x0A : 0x20) }
        }
        return text
    }

    /// A line that can only be paragraph text: indented less than four columns, starting
    /// with an ASCII letter or a non-ASCII character (no block marker is either), and
    /// without a "|" that could make it a table row.
    static func isPlainTextLine(_ line: Substring) -> Bool {
        let found: Bool? = line.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            var columns = 0
            let n = bytes.count
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 {
                columns += bytes[i] == 0x09 ? 4 - columns % 4 : 1
                i += 1
            }
            guard i < n, columns < 4 else { return false }
            let first = bytes[i]
            guard first >= 0x80 || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else { return false }
            return memchr(bytes.baseAddress! + i, 0x7C, n - i) == nil  // no "|" (a table row)
        }
        return found ?? false
    }

    private func parseList(_ lines: [Substring], from start: Int, depth: Int) -> (Block, Int) {
        let first = Self.listMarker(lines[start])!
        var items: [[Block]] = []
        var current: [Substring] = []
        var contentIndent = first.contentIndent
        var i = start
        var sawBlank = false
        while i < lines.count {
            let line = lines[i]
            let trimmed = Self.trim(line)
            if trimmed.isEmpty { sawBlank = true; current.append(""); i += 1; continue }
            let indent = Self.indent(of: line)
            if let marker = Self.listMarker(line), indent < contentIndent, marker.ordered == first.ordered,
               marker.delimiter == first.delimiter, indent >= first.indent - 1, indent < first.indent + 4 {
                if !current.isEmpty { items.append(parse(Self.trimBlankEnds(current), depth: depth + 1)) }
                current = [Self.itemContent(line)]
                contentIndent = marker.contentIndent
                sawBlank = false
            } else if indent >= contentIndent {
                current.append(Self.dropIndent(line, upTo: contentIndent))
            } else if !sawBlank, !current.isEmpty, Self.listMarker(line) == nil, !Self.startsBlock(line) {
                current.append(trimmed)  // lazy continuation of the item's paragraph
            } else {
                break
            }
            i += 1
        }
        let content = Self.trimBlankEnds(current)
        if !content.isEmpty { items.append(parse(content, depth: depth + 1)) }
        // Trailing blank lines belong after the list.
        while i > start, Self.trim(lines[i - 1]).isEmpty { i -= 1 }
        return (.list(ordered: first.ordered, start: first.start, items: items), max(i, start + 1))
    }

    /// Without spaces and tabs at either end (Markdown's idea of blank), on bytes.
    static func trim(_ line: Substring) -> Substring {
        let utf8 = line.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            end = before
        }
        return line[start..<end]
    }

    static func trimBlankEnds(_ lines: [Substring]) -> [Substring] {
        var l = lines[...]
        while l.last?.isEmpty == true { l = l.dropLast() }
        return Array(l)
    }

    // MARK: line classification

    struct ListMarker { let ordered: Bool; let start: Int; let indent: Int; let contentIndent: Int; let delimiter: Character }

    static func listMarker(_ line: Substring) -> ListMarker? {
        let indent = self.indent(of: line)
        let rest = line.drop { $0 == " " || $0 == "\t" }
        guard let c = rest.first else { return nil }
        if "-*+".contains(c) {
            let after = rest.dropFirst()
            guard after.first == " " || after.first == "\t" || after.isEmpty, !isRule(rest) else { return nil }
            return ListMarker(ordered: false, start: 1, indent: indent, contentIndent: indent + 1 + spacesAfterMarker(after), delimiter: c)
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = rest.dropFirst(digits.count)
        guard let delimiter = after.first, delimiter == "." || delimiter == ")",
              after.dropFirst().first == " " || after.dropFirst().first == "\t" || after.count == 1 else { return nil }
        return ListMarker(ordered: true, start: Int(digits) ?? 1, indent: indent,
                          contentIndent: indent + digits.count + 1 + spacesAfterMarker(after.dropFirst()), delimiter: delimiter)
    }

    /// Spaces between a list marker and its text: 1 to 4 count; more means the text is indented code.
    static func spacesAfterMarker(_ after: Substring) -> Int {
        let spaces = after.prefix { $0 == " " }.count
        if after.first == "\t" { return 2 }
        return (1...4).contains(spaces) && spaces < after.count ? spaces : 1
    }

    /// Only a list starting with 1 (or a bullet) and with text may interrupt a paragraph.
    static func canInterruptParagraph(_ line: Substring) -> Bool {
        guard let marker = listMarker(line) else { return false }
        return (!marker.ordered || marker.start == 1) && !itemContent(line).trimmingSpaces().isEmpty
    }

    /// Lines that start another block and so end a lazy continuation.
    static func startsBlock(_ line: Substring) -> Bool {
        guard indent(of: line) < 4 else { return false }
        let t = String(trim(line))
        return t.hasPrefix(">") || atxHeading(t) != nil || fence(t) != nil || isRule(t) || listMarker(line) != nil
    }

    /// The text of a list item's first line, after its marker.
    static func itemContent(_ line: Substring) -> Substring {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        if let c = rest.first, "-*+".contains(c) { rest = rest.dropFirst() } else {
            rest = rest.drop { $0.isASCII && $0.isNumber }.dropFirst()
        }
        return rest.drop { $0 == " " || $0 == "\t" }
    }

    static func indent(of line: Substring) -> Int {
        var n = 0
        for c in line.utf8 {
            if c == 0x20 { n += 1 } else if c == 0x09 { n += 4 - n % 4 } else { break }
        }
        return n
    }

    static func dropIndent(_ line: Substring, upTo columns: Int) -> Substring {
        var n = 0
        var index = line.startIndex
        while index < line.endIndex, n < columns, line[index] == " " || line[index] == "\t" {
            n += line[index] == "\t" ? 4 - n % 4 : 1
            index = line.index(after: index)
        }
        return line[index...]
    }

    static func fence(_ trimmed: String) -> String? {
        for f in ["```", "~~~"] where trimmed.hasPrefix(f) {
            let run = trimmed.prefix { $0 == f.first! }
            // A backtick fence's info string cannot contain backticks.
            if f == "```", trimmed.dropFirst(run.count).contains("`") { return nil }
            return String(run)
        }
        return nil
    }

    static func atxHeading(_ trimmed: String) -> (Int, String)? {
        guard trimmed.hasPrefix("#") else { return nil }
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingSpaces()
        // A closing run of #s, when set off by a space.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " { text = String(text.dropLast(closing)) }
        return (hashes, text.trimmingSpaces())
    }

    static func setextLevel(_ trimmed: String) -> Int? {
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) { return 1 }
        if trimmed.allSatisfy({ $0 == "-" }), trimmed.count >= 2 { return 2 }
        return nil
    }

    static func isRule<S: StringProtocol>(_ trimmed: S) -> Bool {
        guard let c = trimmed.first, c == "-" || c == "*" || c == "_" else { return false }
        var count = 0
        for ch in trimmed {
            if ch == c { count += 1 } else if ch != " " && ch != "\t" { return false }
        }
        return count >= 3
    }

    /// `<script …>` or `<style …>` at the start of a line: the tag's name.
    static func rawHTMLBlock(_ trimmed: String) -> String? {
        guard trimmed.hasPrefix("<") else { return nil }
        let lower = trimmed.prefix(10).quickLowercased()
        for name in ["script", "style", "template", "noscript"] where lower.hasPrefix("<" + name) {
            let after = lower.dropFirst(name.count + 1).first
            if after == nil || after == ">" || after == " " {
                // Closed on the same line: the inline parser drops it.
                return trimmed.quickLowercased().contains("</\(name)") ? nil : name
            }
        }
        return nil
    }

    static func isTableSeparator(_ line: Substring) -> Bool {
        guard line.utf8.count < 2000 else { return false }
        let t = trim(line)
        guard t.contains("-"), t.contains("|") || t.contains(":") else { return false }
        return t.allSatisfy { "|-: \t".contains($0) } && t.contains("|")
    }

    static func cells(_ row: String) -> [String] {
        var t = Substring(row)
        if t.hasPrefix("|") { t = t.dropFirst() }
        if t.hasSuffix("|"), !t.hasSuffix("\\|") { t = t.dropLast() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        var inCode = false
        for c in t {
            if escaped { cell.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; cell.append(c); continue }
            if c == "`" { inCode.toggle() }
            if c == "|", !inCode { cells.append(cell.trimmingSpaces()); cell = ""; continue }
            cell.append(c)
        }
        cells.append(cell.trimmingSpaces())
        return cells
    }

    /// `![alt](src)` alone on a line: its description. Simple text (each Character one
    /// scalar without canonical twins, see `SimpleCharacters`) is read on bytes, where the
    /// Character searches below find the same ASCII delimiters.
    static func standaloneImage(_ trimmed: String) -> String? {
        var text = trimmed
        let decided: String?? = text.withUTF8 { b -> String?? in
            let n = b.count
            // No Character sequence but "![" itself starts with "!" and "[".
            guard n >= 2, b[0] == 0x21, b[1] == 0x5B else { return .some(nil) }
            guard SimpleCharacters.all(b) else { return nil }
            guard b[n - 1] == 0x29, let close = b.firstIndex(of: 0x5D), close + 1 < n, b[close + 1] == 0x28 else { return .some(nil) }
            var j = close + 2
            while j + 1 < n {
                if b[j] == 0x5D, b[j + 1] == 0x28 { return .some(nil) }  // another "](": not one image
                j += 1
            }
            let alt = String(decoding: UnsafeBufferPointer(rebasing: b[2..<close]), as: UTF8.self)
            return .some(TextCleanup.collapseWhitespace(alt))
        }
        if let decided { return decided }
        return standaloneImageCharacters(trimmed)
    }

    /// `standaloneImage` by Character, for any text.
    static func standaloneImageCharacters(_ trimmed: String) -> String? {
        guard trimmed.hasPrefix("!["), trimmed.hasSuffix(")"), let close = trimmed.firstIndex(of: "]"),
              trimmed[trimmed.index(after: close)...].hasPrefix("("),
              !trimmed[trimmed.index(after: close)...].dropFirst().contains("](") else { return nil }
        return TextCleanup.collapseWhitespace(String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close]))
    }
}
