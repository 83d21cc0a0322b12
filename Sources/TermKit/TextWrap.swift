/// Greedy word wrapping by display width. Breaks at spaces, around wide
/// (CJK) characters, after hyphens in long words, and hard-splits a word
/// longer than the line. Runs of spaces collapse to one; "\n" forces a break.
public enum TextWrap {
    /// One character cell to place: what it is for breaking, its width, its
    /// span's style, and where its UTF-8 bytes are in the joined text.
    private struct Glyph {
        var kind: UInt8
        var width: Int
        var style: Int
        var start: Int
        var length: Int
    }

    private static let newline: UInt8 = 1, space: UInt8 = 2, hyphen: UInt8 = 4, letter: UInt8 = 8, closing: UInt8 = 16

    /// Characters that must not start a line (closing punctuation, CJK stops).
    /// (A switch, not a Set: the first Set of Characters made costs a search of
    /// every protocol conformance in the program, ~0.35 M instructions at start.)
    private static func mustNotStartLine(_ c: Character) -> Bool {
        switch c {
        case "。", "、", "，", "．", "」", "』", "）", "！", "？", ")", "]", "}", ",", ".", ";", ":", "!", "?", "ー", "・", "…": return true
        default: return false
        }
    }

    public static func wrap(_ text: String, width: Int, style: Style = .plain) -> [StyledLine] {
        wrap([Span(text, style: style)], width: width)
    }

    public static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
        wrap(spans, width: width, bytewise: true)
    }

    /// `bytewise`: printable ASCII (with tabs and line feeds) is read a byte
    /// at a time, which gives the same glyphs as reading Characters (tests
    /// compare the two) at a fraction of the cost.
    static func wrap(_ spans: [Span], width: Int, bytewise: Bool) -> [StyledLine] {
        if bytewise, spans.count == 1, let lines = wrapASCII(spans[0], width: width) { return lines }
        let width = max(1, width)
        var styles: [Style] = []
        var bytes: [UInt8] = []
        var glyphs: [Glyph] = []
        for span in spans {
            styles.append(span.style)
            let style = styles.count - 1
            if bytewise {
                var text = span.text
                text.withUTF8 { addGlyphs(of: $0, style: style, to: &glyphs, bytes: &bytes) }
            } else {
                addCharacterGlyphs(of: span.text[...], style: style, to: &glyphs, bytes: &bytes)
            }
        }

        var lines: [[Glyph]] = []
        var line: [Glyph] = []
        var lineWidth = 0
        var pendingSpace: Glyph? = nil

        func endLine() {
            lines.append(line)
            line = []
            lineWidth = 0
            pendingSpace = nil
        }
        func place(_ word: ArraySlice<Glyph>) {
            var word = word
            let wordWidth = word.reduce(0) { $0 + $1.width }
            let spaceWidth = (pendingSpace != nil && !line.isEmpty) ? 1 : 0
            if lineWidth + spaceWidth + wordWidth <= width {
                if spaceWidth == 1 { line.append(pendingSpace!) }
                line.append(contentsOf: word)
                lineWidth += spaceWidth + wordWidth
                pendingSpace = nil
                return
            }
            if wordWidth <= width, !line.isEmpty {
                endLine()
                line.append(contentsOf: word)
                lineWidth = wordWidth
                return
            }
            // Longer than a line: fill the current line, then continue on the next ones.
            if spaceWidth == 1 {
                if lineWidth + 1 + (word.first?.width ?? 1) <= width { line.append(pendingSpace!); lineWidth += 1 } else { endLine() }
            }
            pendingSpace = nil
            while !word.isEmpty {
                let g = word.first!
                if lineWidth + g.width > width {
                    if line.isEmpty { line.append(g); word.removeFirst() }  // wider than the line itself
                    endLine()
                    continue
                }
                line.append(g)
                lineWidth += g.width
                word.removeFirst()
            }
        }

        var i = 0
        while i < glyphs.count {
            let g = glyphs[i]
            if g.kind & newline != 0 {
                endLine()
                i += 1
            } else if g.kind & space != 0 {
                if pendingSpace == nil { pendingSpace = g }
                i += 1
            } else {
                var j = i + 1
                if g.width < 2 {
                    while j < glyphs.count {
                        let n = glyphs[j]
                        if n.kind & (space | newline) != 0 || n.width == 2 { break }
                        j += 1
                        if glyphs[j - 1].kind & hyphen != 0, j - i > 6, j < glyphs.count, glyphs[j].kind & letter != 0 { break }
                    }
                }
                // Keep closing punctuation with the word before it.
                while j < glyphs.count, glyphs[j].kind & closing != 0 { j += 1 }
                place(glyphs[i..<j])
                i = j
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }

        // Runs of one style become one span.
        var run: [UInt8] = []
        return lines.map { glyphLine in
            var result: StyledLine = []
            var runStyle = -1
            func flush() {
                guard runStyle >= 0 else { return }
                result.append(Span(String(decoding: run, as: UTF8.self), style: styles[runStyle]))
                run.removeAll(keepingCapacity: true)
            }
            for g in glyphLine {
                if runStyle != g.style, runStyle < 0 || styles[runStyle] != styles[g.style] {
                    flush()
                    runStyle = g.style
                }
                run.append(contentsOf: bytes[g.start..<g.start + g.length])
            }
            flush()
            return result
        }
    }

    /// Bytes that are a whole grapheme cluster when next to each other:
    /// printable ASCII, tab and line feed (carriage return is not: CR LF is one).
    private static func isPlain(_ byte: UInt8) -> Bool { (byte >= 0x20 && byte < 0x7F) || byte == 0x09 || byte == 0x0A }

    /// Glyphs of UTF-8 text: a plain byte next to plain bytes is a glyph of its
    /// own; around anything else the text is read by Character, from a plain
    /// byte before it to the next two plain bytes in a row. Both ends are then
    /// cluster boundaries, so the glyphs are those of reading it all by Character.
    private static func addGlyphs(of utf8: UnsafeBufferPointer<UInt8>, style: Int, to glyphs: inout [Glyph], bytes: inout [UInt8]) {
        let n = utf8.count
        glyphs.reserveCapacity(glyphs.count + n)
        var k = 0
        while k < n {
            let byte = utf8[k]
            if isPlain(byte), k + 1 == n || isPlain(utf8[k + 1]) {
                glyphs.append(Glyph(kind: kind(ofASCII: byte), width: byte == 0x0A ? 0 : 1, style: style, start: bytes.count, length: 1))
                bytes.append(byte == 0x09 ? 0x20 : byte)
                k += 1
                continue
            }
            var end = k + 1
            while end < n, !(isPlain(utf8[end - 1]) && isPlain(utf8[end])) { end += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[k..<end]), as: UTF8.self)
            addCharacterGlyphs(of: text[...], style: style, to: &glyphs, bytes: &bytes)
            k = end
        }
    }

    private static func addCharacterGlyphs(of text: Substring, style: Int, to glyphs: inout [Glyph], bytes: inout [UInt8]) {
        for c in text {
            let tab = c == "\t"
            let start = bytes.count
            if tab { bytes.append(0x20) } else { bytes.append(contentsOf: c.utf8) }
            glyphs.append(Glyph(kind: tab ? space : kind(of: c), width: tab ? 1 : DisplayWidth.of(c),
                                style: style, start: start, length: bytes.count - start))
        }
    }

    private static func kind(ofASCII byte: UInt8) -> UInt8 {
        switch byte {
        case 0x0A: return newline
        case 0x20, 0x09: return space
        case UInt8(ascii: "-"): return hyphen
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return letter
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "."),
             UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"): return closing
        default: return 0
        }
    }

    private static func kind(of c: Character) -> UInt8 {
        if c == "\n" || c == "\r\n" { return newline }
        if c == " " { return space }
        var kind: UInt8 = c == "-" ? hyphen : 0
        if c.isLetter { kind |= letter }
        if mustNotStartLine(c) { kind |= closing }
        return kind
    }
}
