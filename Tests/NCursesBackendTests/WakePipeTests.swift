import Foundation
import Testing
@testable import NCursesBackend

/// Background work ends the run loop's wait for input through the wake pipe.
struct WakePipeTests {
    func isReadable(_ fd: Int32, waiting milliseconds: Int32) -> Bool {
        var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&fds, 1, milliseconds) == 1
    }

    @Test func aWakeFromAnotherThreadEndsAWaitAndDrainingResetsIt() async throws {
        let pipe = WakePipe()
        #expect(pipe.readFD >= 0)
        #expect(!isReadable(pipe.readFD, waiting: 0))
        let thread = Thread { for _ in 0..<100_000 { pipe.wake() } }  // more than a pipe holds: never blocks
        thread.start()
        #expect(isReadable(pipe.readFD, waiting: 2000))
        try await Task.sleep(nanoseconds: 100_000_000)
        pipe.drain()
        #expect(!isReadable(pipe.readFD, waiting: 0))
    }

    @Test func itsDescriptorsAreNotInheritedByOtherPrograms() {
        let pipe = WakePipe()
        #expect(fcntl(pipe.readFD, F_GETFD) & FD_CLOEXEC != 0)
    }
}
