import Foundation

/// A pipe that ends the terminal's wait for input early: background work that
/// has finished (a batch of the folder read, a large article loaded) writes a
/// byte from its own thread, and the run loop takes the result at once instead
/// of at its next timed poll.
final class WakePipe: @unchecked Sendable {
    let readFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // never inherited by a pager, editor or pipe command
            }
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Safe from any thread; a full pipe already wakes the reader.
    func wake() {
        guard writeFD >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe once the wait has ended.
    func drain() {
        guard readFD >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(readFD, $0.baseAddress, $0.count) }) > 0 {}
    }

    deinit {
        if readFD >= 0 { close(readFD) }
        if writeFD >= 0 { close(writeFD) }
    }
}
