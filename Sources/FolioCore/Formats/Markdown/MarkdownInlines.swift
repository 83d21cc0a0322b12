/// Parses Markdown inline text (emphasis, code spans, links, images,
/// autolinks, escapes, entities, inline HTML) into `Inline` runs. Links get
/// their number from the article's `LinkTable`.
struct MarkdownInlines {
    let links: LinkTable
    let references: [String: String]

    func parse(_ text: String) -> [Inline] {
        var out: [Inline] = []
        parse(Array(text), style: [], into: &out)
        return merge(out)
    }

    private func parse(_ chars: [Character], style: Inline.Style, link: Int? = nil, into out: inout [Inline]) {
        var text = ""
        func flush() {
            if !text.isEmpty { out.append(Inline(HTMLEntities.decode(text), style: style, linkNumber: link)) }
            text = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                text.append(chars[i + 1]); i += 2; continue
            }
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "\n" { text.append("\n"); i += 2; continue }
            if c == "`" {
                let run = count(chars, from: i, of: "`")
                if let close = find(chars, run: run, of: "`", from: i + run) {
                    flush()
                    let code = String(chars[(i + run)..<close]).trimmingCharacters(in: .whitespaces)
                    out.append(Inline(code, style: style.union(.code), linkNumber: link))
                    i = close + run
                    continue
                }
                text += String(repeating: "`", count: run); i += run; continue
            }
            if c == "!", i + 1 < chars.count, chars[i + 1] == "[", let (alt, _, end) = linkParts(chars, at: i + 1) {
                flush()
                let altText = TextCleanup.collapseWhitespace(String(alt))
                out.append(Inline(altText.isEmpty ? "[image]" : "[image: \(altText)]", style: style.union(.emphasis)))
                i = end
                continue
            }
            if c == "[", let (label, url, end) = linkParts(chars, at: i) {
                flush()
                let number = url.flatMap { links.number(for: $0) }
                parse(label, style: number == nil ? style : style.union(.link), link: number ?? link, into: &out)
                i = end
                continue
            }
            if c == "<", let close = chars[i...].prefix(2000).firstIndex(of: ">") {
                let inner = String(chars[(i + 1)..<close])
                if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:"), !inner.contains(" ") {
                    flush()
                    out.append(Inline(inner, style: style.union(.link), linkNumber: links.number(for: inner)))
                    i = close + 1
                    continue
                }
                if let tag = inner.split(separator: " ").first.map({ $0.lowercased() }), isHTMLTag(tag) {
                    if tag == "br" || tag == "br/" { text.append("\n") }
                    i = close + 1
                    continue
                }
            }
            if c == "*" || c == "_" || c == "~" {
                let run = count(chars, from: i, of: c)
                let opensWord = i + run < chars.count && !chars[i + run].isWhitespace
                let intraword = c == "_" && i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                if opensWord, !intraword, run <= 3, let close = closing(chars, run: run, of: c, from: i + run) {
                    flush()
                    var inner = style
                    if c == "~" { } else if run == 1 { inner.insert(.emphasis) } else if run == 2 { inner.insert(.strong) } else { inner.formUnion([.strong, .emphasis]) }
                    parse(Array(chars[(i + run)..<close]), style: inner, link: link, into: &out)
                    i = close + run
                    continue
                }
                text += String(repeating: String(c), count: run); i += run; continue
            }
            text.append(c)
            i += 1
        }
        flush()
    }

    private func count(_ chars: [Character], from i: Int, of c: Character) -> Int {
        var n = 0
        while i + n < chars.count && chars[i + n] == c { n += 1 }
        return n
    }

    /// The index of a run of exactly `run` copies of `c` from `start`.
    private func find(_ chars: [Character], run: Int, of c: Character, from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == c {
                let n = count(chars, from: j, of: c)
                if n == run { return j }
                j += n
            } else { j += 1 }
        }
        return nil
    }

    /// A closing emphasis delimiter: the same run, not preceded by a space.
    private func closing(_ chars: [Character], run: Int, of c: Character, from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "`" {  // code spans hide delimiters
                let n = count(chars, from: j, of: "`")
                j = (find(chars, run: n, of: "`", from: j + n) ?? j) + n
                continue
            }
            if chars[j] == c {
                let n = count(chars, from: j, of: c)
                let after = j + n < chars.count ? chars[j + n] : " "
                if n == run, !chars[j - 1].isWhitespace, c != "_" || !(after.isLetter || after.isNumber) { return j }
                j += n
            } else { j += 1 }
        }
        return nil
    }

    /// `[label](url "title")` or `[label][ref]` at `i`: the label, the URL, and the index after it.
    private func linkParts(_ chars: [Character], at i: Int) -> ([Character], String?, Int)? {
        var depth = 0
        var j = i
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
            if j - i > 1000 { return nil }
        }
        guard j < chars.count else { return nil }
        let label = Array(chars[(i + 1)..<j])
        let next = j + 1
        if next < chars.count, chars[next] == "(" {
            var k = next + 1
            var parens = 1
            while k < chars.count {
                if chars[k] == "(" { parens += 1 }
                if chars[k] == ")" { parens -= 1; if parens == 0 { break } }
                k += 1
            }
            guard k < chars.count else { return nil }
            var target = String(chars[(next + 1)..<k]).trimmingCharacters(in: .whitespaces)
            if target.hasPrefix("<"), let close = target.firstIndex(of: ">") { target = String(target[target.index(after: target.startIndex)..<close]) }
            else if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
            return (label, target, k + 1)
        }
        if next < chars.count, chars[next] == "[", let close = chars[next...].firstIndex(of: "]") {
            let key = String(chars[(next + 1)..<close]).lowercased()
            let ref = key.isEmpty ? String(label).lowercased() : key
            if let url = references[ref] { return (label, url, close + 1) }
        }
        if let url = references[String(label).lowercased()] { return (label, url, next) }
        return nil
    }

    private func isHTMLTag(_ tag: String) -> Bool {
        let name = tag.trimmingCharacters(in: CharacterSet(charactersIn: "/")).lowercased()
        return ["br", "span", "em", "strong", "b", "i", "u", "sup", "sub", "small", "mark", "abbr", "a", "img", "kbd", "del", "ins", "s", "font", "cite", "q", "time", "wbr"].contains(name)
    }

    /// Joins neighbouring runs of the same style.
    private func merge(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines where !inline.text.isEmpty {
            if let last = result.last, last.style == inline.style, last.linkNumber == inline.linkNumber {
                result[result.count - 1].text += inline.text
            } else {
                result.append(inline)
            }
        }
        return result
    }
}

import Foundation
