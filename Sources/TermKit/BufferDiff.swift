/// A horizontal run of changed cells that a backend writes in one go.
public struct CellRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

extension Buffer {
    /// The runs of cells that differ from `previous`; everything when there is no
    /// previous frame or its size differs. Backends send only these to the terminal.
    public func changes(since previous: Buffer?) -> [CellRun] {
        let full = previous == nil || previous!.size != size
        var runs: [CellRun] = []
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                let i = y * size.width + x
                if !full && previous!.cells[i] == cells[i] { x += 1; continue }
                // A run starts at the head of a wide character, never at its continuation.
                var start = x
                if cells[i].isContinuation && start > 0 { start -= 1 }
                var end = x
                while end < size.width {
                    let j = y * size.width + end
                    if !full && previous!.cells[j] == cells[j] && !cells[j].isContinuation { break }
                    end += 1
                }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(y * size.width + start)..<(y * size.width + end)])))
                x = end
            }
        }
        return runs
    }
}
