/// A backend in memory: tests queue events, run the program and read the
/// screen as lines of text.
public final class TestBackend: Backend {
    public private(set) var size: Size
    public private(set) var screen: Buffer
    public private(set) var drawCount = 0
    /// Cells sent by the most recent draw (to check that frames are diffed).
    public private(set) var lastChangedCells = 0
    public var events: [Event] = []
    /// When the queued events run out, report `.inputClosed` so a program's run
    /// loop ends (as it does when a real terminal goes away) — after one idle
    /// moment, as a person pauses, so that work waiting for quiet gets done.
    public var closesWhenEmpty = true
    private var pausedBeforeClosing = false

    public init(width: Int, height: Int) {
        size = Size(width: width, height: height)
        screen = Buffer(size: size)
    }

    public func draw(_ buffer: Buffer, previous: Buffer?) {
        let runs = buffer.changes(since: previous)
        lastChangedCells = runs.reduce(0) { $0 + $1.cells.count }
        screen = buffer
        drawCount += 1
    }

    public func nextEvent(timeout: Int) -> Event? {
        if events.isEmpty {
            guard closesWhenEmpty, pausedBeforeClosing else { pausedBeforeClosing = true; return nil }
            return .inputClosed
        }
        pausedBeforeClosing = false
        return events.removeFirst()
    }

    public func suspend() { suspensions += 1 }
    public func resume() {}
    public private(set) var suspensions = 0
    /// What the program put on the clipboard.
    public private(set) var clipboard: [String] = []
    public func copyToClipboard(_ text: String) { clipboard.append(text) }

    /// Changes the size and queues the resize event a terminal would send.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        events.append(.resize(size))
    }

    /// The screen as lines of text, trailing spaces removed.
    public var lines: [String] { screen.lines }
    /// The screen as one string, lines joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
