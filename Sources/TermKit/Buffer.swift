/// A grid of cells that widgets draw into. Every string passes through
/// `TerminalText.sanitize` on its way in, so nothing a terminal would interpret
/// can reach a backend, whatever the caller hands over.
public struct Buffer: Equatable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
    }

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Sets one cell, keeping wide characters whole: overwriting either half of a
    /// wide character blanks its other half.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard contains(x, y) else { return }
        let i = y * size.width + x
        let old = cells[i]
        if old.isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        } else if old.width == 2, x + 1 < size.width {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Writes `text` on row `y` from column `x`, clipped to `maxWidth` columns (and
    /// to the buffer). Newlines and tabs become spaces. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - x)
        guard limit > 0 else { return 0 }
        var text = text
        // Printable ASCII (most of every frame): a cell per byte, each one column
        // wide and clean as it is, without walking Characters.
        if let column = text.withUTF8({ putASCII($0, x: x, y: y, limit: limit, style: style) }) { return column }
        let clean = TerminalText.sanitize(text)
        var column = 0
        var last: (character: Character, width: Int)?  // runs of one character ("────") are measured once
        for character in clean {
            let w: Int
            if let last, last.character == character { w = last.width } else { w = DisplayWidth.of(character); last = (character, w) }
            if w == 0 { continue }
            if column + w > limit {
                if w == 2 && column < limit { set(x + column, y, Cell(" ", style: style)); column += 1 }
                break
            }
            if x + column >= 0 {
                set(x + column, y, Cell(String(character), width: UInt8(w), style: style))
                if w == 2 { set(x + column + 1, y, .continuation(style)) }
            } else if x + column + w > 0 {
                set(0, y, Cell(" ", style: style))  // a wide character cut by the left edge
            }
            column += w
        }
        return column
    }

    /// `put` for text of printable ASCII bytes only; nil (nothing written) for any other text.
    private mutating func putASCII(_ bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, limit: Int, style: Style) -> Int? {
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let count = min(bytes.count, limit)
        for i in 0..<count where x + i >= 0 {
            set(x + i, y, Cell(String(Character(Unicode.Scalar(bytes[i]))), style: style))
        }
        return count
    }

    /// Writes styled spans one after the other; returns the columns used.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (size.width - x)
        var used = 0
        for span in spans where used < limit {
            used += put(span.text, x: x + used, y: y, maxWidth: limit - used, style: span.style)
        }
        return used
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { set(x, y, cell) }
        }
    }

    /// Adds attributes to every cell of a rectangle (e.g. reverse video for a selection).
    public mutating func addAttributes(_ attributes: Attributes, in rect: Rect) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                cells[y * size.width + x].style.attributes.formUnion(attributes)
            }
        }
    }

    /// Sets the style of every cell of a rectangle, keeping the symbols.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                cells[y * size.width + x].style = style
            }
        }
    }

    /// The text of one row, as a person would read it on screen.
    public func text(ofRow y: Int) -> String {
        var line = ""
        for x in 0..<size.width where !self[x, y].isContinuation { line += self[x, y].symbol }
        return line
    }

    /// The whole screen as lines of text, trailing spaces removed.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = text(ofRow: y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
