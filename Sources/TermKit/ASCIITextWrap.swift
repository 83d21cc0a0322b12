/// `TextWrap.wrap` for the common case, one span of printable ASCII (with
/// tabs and line feeds): the same lines, found on the bytes themselves rather
/// than on a glyph per byte (a tenth of the work; tests compare the two).
extension TextWrap {
    static func wrapASCII(_ span: Span, width: Int) -> [StyledLine]? {
        var text = span.text
        return text.withUTF8 { bytes -> [StyledLine]? in
            for byte in bytes where !(byte >= 0x20 && byte < 0x7F) && byte != 0x09 && byte != 0x0A { return nil }
            var lines = ASCIILines(style: span.style, width: max(1, width))
            lines.wrap(bytes)
            return lines.finished()
        }
    }
}

/// Greedy wrapping of printable ASCII, as `TextWrap.wrap` places glyphs: runs
/// of spaces and tabs become one space (none at a line's start), a line feed
/// ends a line, a word longer than 6 breaks after a hyphen followed by a
/// letter, and a word longer than the line is split.
private struct ASCIILines {
    let style: Style
    let width: Int
    var lines: [StyledLine] = []
    var line: [UInt8] = []
    var pendingSpace = false

    init(style: Style, width: Int) {
        self.style = style
        self.width = width
        line.reserveCapacity(width)
    }

    mutating func wrap(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A {
                endLine()
                i += 1
            } else if byte == 0x20 || byte == 0x09 {
                pendingSpace = true
                i += 1
            } else {
                var j = i + 1
                while j < n {
                    let next = bytes[j]
                    if next == 0x20 || next == 0x09 || next == 0x0A { break }
                    j += 1
                    if bytes[j - 1] == UInt8(ascii: "-"), j - i > 6, j < n, Self.isLetter(bytes[j]) { break }
                }
                place(UnsafeBufferPointer(rebasing: bytes[i..<j]))
                i = j
            }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private mutating func place(_ word: UnsafeBufferPointer<UInt8>) {
        let space = pendingSpace && !line.isEmpty
        if line.count + (space ? 1 : 0) + word.count <= width {
            if space { line.append(0x20) }
            line.append(contentsOf: word)
            pendingSpace = false
            return
        }
        if word.count <= width, !line.isEmpty {
            endLine()
            line.append(contentsOf: word)
            return
        }
        // Longer than a line: fill the current line, then continue on the next ones.
        if space {
            if line.count + 2 <= width { line.append(0x20) } else { endLine() }
        }
        pendingSpace = false
        var k = 0
        while k < word.count {
            if line.count + 1 > width {
                endLine()
                continue
            }
            line.append(word[k])
            k += 1
        }
    }

    private mutating func endLine() {
        lines.append(line.isEmpty ? [] : [Span(String(decoding: line, as: UTF8.self), style: style)])
        line.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    mutating func finished() -> [StyledLine] {
        if !line.isEmpty || lines.isEmpty { endLine() }
        return lines
    }
}
