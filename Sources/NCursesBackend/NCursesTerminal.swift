import CNCursesW
import Foundation
import TermKit

/// The real terminal, through ncursesw. The only file set that imports
/// CNCursesW. Signals (INT, TERM, HUP, QUIT) only set a flag in the C shim;
/// `nextEvent` turns it into `.terminate` for the run loop to act on.
public final class NCursesTerminal: Backend {
    private var colors: ColorPairs
    private var isOpen = false
    private var emptyReads = 0
    private let wakePipe = WakePipe()

    /// Ends a wait for input early, from any thread: `nextEvent` returns nil
    /// at once, and the run loop collects what background work finished.
    public var waker: @Sendable () -> Void { { [wakePipe] in wakePipe.wake() } }

    /// Opens the terminal. `useColor` false (e.g. for NO_COLOR) draws with
    /// attributes only.
    public init(useColor: Bool) {
        Self.chooseLocale()
        folio_install_signal_handlers()
        folio_install_crash_handlers()
        initscr()
        cbreak()
        noecho()
        nonl()
        intrflush(folio_stdscr(), false)
        keypad(folio_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        colors = ColorPairs(enabled: useColor && has_colors())
        isOpen = true
    }

    deinit { close() }

    /// Clicks and the wheel (`set mouse on`); off by default so the terminal's
    /// own selection keeps working.
    public func enableMouse(_ on: Bool) {
        mousemask(on ? folio_mouse_mask() : 0, nil)
        mouseinterval(0)
    }

    /// The user's character set (LC_CTYPE, all ncursesw needs); when none is set
    /// at all (common over SSH) and the default is not UTF-8, C.UTF-8, so that
    /// text other than ASCII shows. The other categories stay "C": numbers are
    /// formatted alike everywhere, and no dozen locale files are read at start.
    static func chooseLocale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        let names: [String] = ["LC_ALL", "LC_CTYPE", "LANG"]
        let chosen = names.contains { name in getenv(name).map { $0.pointee != 0 } ?? false }
        if codeset != "UTF-8" && !chosen { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// Gives the terminal back in the state it was found in. Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
    }

    public var size: Size { Size(width: Int(folio_cols()), height: Int(folio_lines())) }

    public func draw(_ buffer: Buffer, previous: Buffer?) {
        let full = previous == nil || previous!.size != buffer.size
        if full { erase() }
        for run in buffer.changes(since: previous) {
            let cells = run.cells
            var i = 0
            while i < cells.count {
                let cell = cells[i]
                // After erase() the screen is blank: plain spaces need not be sent again.
                if cell.isContinuation || full && cell == .blank {
                    i += 1
                    continue
                }
                // Most of a frame is rows of plain ASCII in one style: one call for each.
                var end = i
                while end < cells.count, cells[end].style == cell.style, Self.plainByte(cells[end]) != nil { end += 1 }
                if full { while end > i + 1, cells[end - 1] == .blank { end -= 1 } }
                if end > i + 1 {
                    putASCII(cells[i..<end], y: run.y, x: run.x + i)
                    i = end
                } else {
                    put(cell, y: run.y, x: run.x + i)
                    i += 1
                }
            }
        }
        refresh()
    }

    /// The byte of a cell that is one printable ASCII character.
    private static func plainByte(_ cell: Cell) -> UInt8? {
        guard cell.width == 1, cell.symbol.utf8.count == 1, let byte = cell.symbol.utf8.first, byte >= 0x20, byte < 0x7F else { return nil }
        return byte
    }

    private var asciiRow: [CChar] = []

    /// Cells of one style, each one printable ASCII character.
    private func putASCII(_ cells: ArraySlice<Cell>, y: Int, x: Int) {
        asciiRow.removeAll(keepingCapacity: true)
        for cell in cells { asciiRow.append(CChar(bitPattern: cell.symbol.utf8.first!)) }
        let style = cells.first!.style
        let pair = colors.pair(foreground: style.foreground, background: style.background)
        folio_put_ascii(Int32(y), Int32(x), asciiRow, Int32(asciiRow.count), Self.attributes(style.attributes), pair)
    }

    private func put(_ cell: Cell, y: Int, x: Int) {
        let attributes = Self.attributes(cell.style.attributes)
        let pair = colors.pair(foreground: cell.style.foreground, background: cell.style.background)
        // Most cells are one printable ASCII character: no scalar arrays for them.
        if let byte = Self.plainByte(cell) {
            var cc = cchar_t()
            var wide: (wchar_t, wchar_t) = (wchar_t(byte), 0)
            withUnsafeMutablePointer(to: &wide) { chars in
                chars.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&cc, $0, attributes, pair, nil) }
            }
            mvadd_wch(Int32(y), Int32(x), &cc)
            return
        }
        let glyphs = TerminalGlyph.scalars(for: cell.symbol, width: Int(cell.width))
        var first = true
        var column = x
        for glyph in glyphs {
            var cc = cchar_t()
            var wide: [wchar_t] = glyph.map { wchar_t(bitPattern: $0.value) } + [0]
            setcchar(&cc, &wide, attributes, pair, nil)
            mvadd_wch(Int32(y), Int32(column), &cc)
            column += first ? max(1, Int(folio_wcwidth(wide[0]))) : 1
            first = false
        }
    }

    private static func attributes(_ a: Attributes) -> attr_t {
        var result = folio_a_normal()
        if a.contains(.bold) { result |= folio_a_bold() }
        if a.contains(.dim) { result |= folio_a_dim() }
        if a.contains(.reverse) { result |= folio_a_reverse() }
        if a.contains(.underline) { result |= folio_a_underline() }
        if a.contains(.italic) { result |= folio_a_italic() }
        return result
    }

    public func nextEvent(timeout: Int) -> Event? {
        if let signal = pendingSignal() { return signal }
        // Keys ncurses has already read come first.
        if let event = readKey(waiting: 0) { return event }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakePipe.readFD, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(timeout))
        if let signal = pendingSignal() { return signal }
        if ready < 0 { return errno == EINTR ? readKey(waiting: 0) : .inputClosed }
        if ready == 0 { return nil }
        if fds[1].revents != 0 {
            wakePipe.drain()
            if fds[0].revents == 0 { return nil }
        }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .inputClosed }
        if let event = readKey(waiting: 10) {
            emptyReads = 0
            return event
        }
        // Readable but nothing read, again and again: end of input.
        emptyReads += 1
        return emptyReads > 20 ? .inputClosed : nil
    }

    private func pendingSignal() -> Event? {
        let signal = folio_take_pending_signal()
        return signal == 0 ? nil : .terminate(signal: signal)
    }

    private func readKey(waiting milliseconds: Int32) -> Event? {
        timeout(milliseconds)
        var value: wint_t = 0
        let status = get_wch(&value)
        if status == ERR { return nil }
        if status == folio_key_code_yes() {
            if Int32(value) == KEY_RESIZE { return .resize(size) }
            if Int32(value) == KEY_MOUSE {
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                switch folio_mouse_kind(event.bstate) {
                case 1: return .mouse(MouseEvent(.click, x: Int(event.x), y: Int(event.y)))
                case 4: return .mouse(MouseEvent(.wheelUp, x: Int(event.x), y: Int(event.y)))
                case 5: return .mouse(MouseEvent(.wheelDown, x: Int(event.x), y: Int(event.y)))
                default: return nil
                }
            }
            return KeyCodes.key(forFunctionKey: Int32(value)).map(Event.key)
        }
        return KeyCodes.key(forCharacter: UInt32(value)).map(Event.key)
    }

    public func copyToClipboard(_ text: String) {
        // OSC 52: the text in base64, which holds nothing a terminal would interpret.
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }

    public func suspend() {
        def_prog_mode()
        endwin()
    }

    public func resume() {
        reset_prog_mode()
        clearok(folio_stdscr(), true)
        refresh()
    }
}
