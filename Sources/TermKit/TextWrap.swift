/// Greedy word wrapping by display width. Breaks at spaces, around wide
/// (CJK) characters, after hyphens in long words, and hard-splits a word
/// longer than the line. Runs of spaces collapse to one; "\n" forces a break.
public enum TextWrap {
    private struct Glyph {
        let character: Character
        let width: Int
        let style: Int
    }

    /// Characters that must not start a line (closing punctuation, CJK stops).
    private static let noLineStart: Set<Character> = ["。", "、", "，", "．", "」", "』", "）", "！", "？", ")", "]", "}", ",", ".", ";", ":", "!", "?", "ー", "・", "…"]

    public static func wrap(_ text: String, width: Int, style: Style = .plain) -> [StyledLine] {
        wrap([Span(text, style: style)], width: width)
    }

    public static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
        let width = max(1, width)
        var styles: [Style] = []
        var glyphs: [Glyph] = []
        for span in spans {
            styles.append(span.style)
            for c in span.text {
                let w = c == "\t" ? 1 : DisplayWidth.of(c)
                glyphs.append(Glyph(character: c == "\t" ? " " : c, width: w, style: styles.count - 1))
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
            if g.character == "\n" || g.character == "\r\n" {
                endLine()
                i += 1
            } else if g.character == " " {
                if pendingSpace == nil { pendingSpace = g }
                i += 1
            } else {
                var j = i + 1
                if g.width < 2 {
                    while j < glyphs.count {
                        let n = glyphs[j]
                        if n.character == " " || n.character == "\n" || n.character == "\r\n" || n.width == 2 { break }
                        j += 1
                        if glyphs[j - 1].character == "-", j - i > 6, j < glyphs.count, glyphs[j].character.isLetter { break }
                    }
                }
                // Keep closing punctuation with the word before it.
                while j < glyphs.count, noLineStart.contains(glyphs[j].character) { j += 1 }
                place(glyphs[i..<j])
                i = j
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }

        return lines.map { glyphLine in
            var result: StyledLine = []
            for g in glyphLine {
                if let last = result.last, last.style == styles[g.style] {
                    result[result.count - 1].text.append(g.character)
                } else {
                    result.append(Span(String(g.character), style: styles[g.style]))
                }
            }
            return result
        }
    }
}
