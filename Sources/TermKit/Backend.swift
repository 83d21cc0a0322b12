/// A terminal that can show a `Buffer` and report events. `NCursesBackend`
/// implements it for real terminals, `TestBackend` for tests.
public protocol Backend: AnyObject {
    /// The current size of the screen.
    var size: Size { get }
    /// Shows `buffer`, sending only the cells that differ from `previous`.
    func draw(_ buffer: Buffer, previous: Buffer?)
    /// Waits up to `timeout` milliseconds for an event; nil when none came.
    func nextEvent(timeout: Int) -> Event?
    /// Hands the terminal back to the shell (before running another program).
    func suspend()
    /// Takes the terminal again after `suspend`; the next draw is a full one.
    func resume()
    /// Puts text on the clipboard of the terminal (OSC 52), which works through
    /// SSH and tmux. The only escape sequence folio writes on purpose.
    func copyToClipboard(_ text: String)
}
