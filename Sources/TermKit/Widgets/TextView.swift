/// Draws pre-laid-out styled lines into a rectangle, from a first line on.
public enum TextView {
    public static func draw(_ lines: [StyledLine], from first: Int, in buffer: inout Buffer, _ rect: Rect) {
        guard first >= 0 else { return }
        for row in 0..<rect.height {
            let index = first + row
            guard index < lines.count else { break }
            buffer.put(lines[index], x: rect.x, y: rect.y + row, maxWidth: rect.width)
        }
    }
}
