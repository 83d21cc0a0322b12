import Foundation

/// Parses Markdown into `Block`s: ATX and setext headings, paragraphs, nested
/// lists, block quotes, fenced and indented code, rules, pipe tables, images.
struct MarkdownBlocks {
    let inlines: MarkdownInlines

    /// Reference definitions (`[id]: https://…`) found anywhere in the text.
    static func references(in lines: [Substring]) -> [String: String] {
        var refs: [String: String] = [:]
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("["), let close = t.firstIndex(of: "]"), t[t.index(after: close)...].hasPrefix(":") else { continue }
            let key = t[t.index(after: t.startIndex)..<close].lowercased()
            let rest = t[t.index(close, offsetBy: 2)...].trimmingCharacters(in: .whitespaces)
            if let url = rest.split(separator: " ").first { refs[key] = String(url).trimmingCharacters(in: CharacterSet(charactersIn: "<>")) }
        }
        return refs
    }

    func parse(_ lines: [Substring]) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [Substring] = []
        var i = 0

        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.enumerated().map { index, line -> String in
                let hardBreak = line.hasSuffix("  ") && index < paragraph.count - 1
                return line.trimmingCharacters(in: .whitespaces) + (hardBreak ? "\n" : "")
            }.joined(separator: " ").replacingOccurrences(of: "\n ", with: "\n")
            let parsed = inlines.parse(text)
            if !parsed.isEmpty { blocks.append(.paragraph(parsed)) }
            paragraph = []
        }

        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let indent = Self.indent(of: line)

            if trimmed.isEmpty { flush(); i += 1; continue }
            if Self.isReferenceDefinition(trimmed) { flush(); i += 1; continue }

            if indent < 4, let fence = Self.fence(trimmed) {
                flush()
                var code: [Substring] = []
                i += 1
                while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).hasPrefix(fence) {
                    code.append(Self.dropIndent(lines[i], upTo: indent)); i += 1
                }
                i += 1
                blocks.append(.code(code.joined(separator: "\n")))
                continue
            }
            if indent < 4, let heading = Self.atxHeading(trimmed) {
                flush()
                blocks.append(.heading(level: heading.0, inlines.parse(heading.1)))
                i += 1; continue
            }
            if indent < 4, !paragraph.isEmpty, let level = Self.setextLevel(trimmed) {
                let text = paragraph.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                paragraph = []
                blocks.append(.heading(level: level, inlines.parse(text)))
                i += 1; continue
            }
            if indent < 4, Self.isRule(trimmed) { flush(); blocks.append(.rule); i += 1; continue }
            if indent < 4, trimmed.hasPrefix(">") {
                flush()
                var quoted: [Substring] = []
                while i < lines.count {
                    let t = lines[i].trimmingCharacters(in: .whitespaces)
                    if t.hasPrefix(">") {
                        var rest = t.dropFirst()
                        if rest.first == " " { rest = rest.dropFirst() }
                        quoted.append(Substring(rest))
                    } else if !t.isEmpty, !quoted.isEmpty, !(quoted.last!.isEmpty) {
                        quoted.append(Substring(t))  // lazy continuation
                    } else { break }
                    i += 1
                }
                blocks.append(.quote(parse(quoted)))
                continue
            }
            if indent < 4, Self.listMarker(line) != nil {
                flush()
                let (list, next) = parseList(lines, from: i)
                blocks.append(list)
                i = next
                continue
            }
            if indent < 4, trimmed.contains("|"), i + 1 < lines.count, Self.isTableSeparator(lines[i + 1]) {
                flush()
                var rows: [[[Inline]]] = [Self.cells(trimmed).map { inlines.parse($0) }]
                i += 2
                while i < lines.count, lines[i].contains("|"), !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                    rows.append(Self.cells(lines[i].trimmingCharacters(in: .whitespaces)).map { inlines.parse($0) })
                    i += 1
                }
                blocks.append(.table(rows: rows, hasHeader: true))
                continue
            }
            if indent >= 4, paragraph.isEmpty {
                var code: [Substring] = []
                while i < lines.count, Self.indent(of: lines[i]) >= 4 || lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                    code.append(Self.dropIndent(lines[i], upTo: 4)); i += 1
                }
                while code.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { code.removeLast() }
                blocks.append(.code(code.joined(separator: "\n")))
                continue
            }
            if paragraph.isEmpty, let alt = Self.standaloneImage(trimmed) {
                blocks.append(.image(alt: alt))
                i += 1; continue
            }
            paragraph.append(line)
            i += 1
        }
        flush()
        return blocks
    }

    private func parseList(_ lines: [Substring], from start: Int) -> (Block, Int) {
        let first = Self.listMarker(lines[start])!
        var items: [[Block]] = []
        var current: [Substring] = []
        var i = start
        var sawBlank = false
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { sawBlank = true; current.append(""); i += 1; continue }
            let indent = Self.indent(of: line)
            if let marker = Self.listMarker(line), indent < first.contentIndent, marker.ordered == first.ordered, indent >= first.indent - 1 {
                if !current.isEmpty { items.append(parse(current)) }
                current = [Self.itemContent(line)]
                sawBlank = false
            } else if indent >= first.contentIndent || (!sawBlank && Self.listMarker(line) == nil && !current.isEmpty) {
                current.append(Self.dropIndent(line, upTo: first.contentIndent))
            } else {
                break
            }
            i += 1
        }
        while current.last?.isEmpty == true { current.removeLast() }
        if !current.isEmpty { items.append(parse(current)) }
        return (.list(ordered: first.ordered, start: first.start, items: items), i)
    }

    // MARK: line classification

    struct ListMarker { let ordered: Bool; let start: Int; let indent: Int; let contentIndent: Int }

    static func listMarker(_ line: Substring) -> ListMarker? {
        let indent = self.indent(of: line)
        let rest = line.drop { $0 == " " || $0 == "\t" }
        guard let c = rest.first else { return nil }
        if "-*+".contains(c) {
            let after = rest.dropFirst()
            guard after.first == " " || after.isEmpty, !isRule(rest.trimmingCharacters(in: .whitespaces)) else { return nil }
            return ListMarker(ordered: false, start: 1, indent: indent, contentIndent: indent + 2)
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = rest.dropFirst(digits.count)
        guard let delimiter = after.first, delimiter == "." || delimiter == ")", after.dropFirst().first == " " || after.count == 1 else { return nil }
        return ListMarker(ordered: true, start: Int(digits) ?? 1, indent: indent, contentIndent: indent + digits.count + 2)
    }

    /// The text of a list item's first line, after its marker.
    static func itemContent(_ line: Substring) -> Substring {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        if let c = rest.first, "-*+".contains(c) { rest = rest.dropFirst() } else {
            rest = rest.drop { $0.isASCII && $0.isNumber }.dropFirst()
        }
        return rest.first == " " ? rest.dropFirst() : rest
    }

    static func indent(of line: Substring) -> Int {
        var n = 0
        for c in line {
            if c == " " { n += 1 } else if c == "\t" { n += 4 - n % 4 } else { break }
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
            return String(run)
        }
        return nil
    }

    static func atxHeading(_ trimmed: String) -> (Int, String)? {
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    static func setextLevel(_ trimmed: String) -> Int? {
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) { return 1 }
        if trimmed.count >= 2, trimmed.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    static func isRule(_ trimmed: String) -> Bool {
        let chars = trimmed.filter { $0 != " " }
        guard chars.count >= 3, let c = chars.first, "-*_".contains(c) else { return false }
        return chars.allSatisfy { $0 == c }
    }

    static func isReferenceDefinition(_ trimmed: String) -> Bool {
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[^"), let close = trimmed.firstIndex(of: "]") else { return false }
        let after = trimmed[trimmed.index(after: close)...]
        return after.hasPrefix(":") && after.dropFirst().trimmingCharacters(in: .whitespaces).count > 0 && !after.dropFirst().trimmingCharacters(in: .whitespaces).contains(" ")
    }

    static func isTableSeparator(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.contains("-"), t.contains("|") || t.contains("-") else { return false }
        return t.allSatisfy { "|-: ".contains($0) } && t.contains("|")
    }

    static func cells(_ row: String) -> [String] {
        var t = Substring(row)
        if t.hasPrefix("|") { t = t.dropFirst() }
        if t.hasSuffix("|") { t = t.dropLast() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for c in t {
            if escaped { cell.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; cell.append(c); continue }
            if c == "|" { cells.append(cell.trimmingCharacters(in: .whitespaces)); cell = ""; continue }
            cell.append(c)
        }
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        return cells
    }

    static func standaloneImage(_ trimmed: String) -> String? {
        guard trimmed.hasPrefix("!["), trimmed.hasSuffix(")"), let close = trimmed.firstIndex(of: "]"),
              trimmed[trimmed.index(after: close)...].hasPrefix("("),
              !trimmed[trimmed.index(after: close)...].dropFirst().contains("](") else { return nil }
        return TextCleanup.collapseWhitespace(String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close]))
    }
}
