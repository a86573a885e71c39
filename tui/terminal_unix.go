//go:build unix

package tui

import (
	"bytes"
	"os"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// queryBackground writes OSC 11 (background colour?) and DA1 (device
// attributes?) to the controlling terminal and reads the answers for at
// most timeout. Every terminal answers DA1, so its answer ends the wait
// early when the terminal ignores OSC 11.
func queryBackground(timeout time.Duration) (dark, ok bool) {
	f, err := os.OpenFile("/dev/tty", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return false, false
	}
	defer f.Close()
	// A tty opened this way is in Go's poller, so reads can time out.
	if err := f.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		return false, false
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return false, false
	}
	var state *term.State
	var rawErr error
	foreground := false
	if err := rc.Control(func(fd uintptr) {
		pgrp, err := unix.IoctlGetInt(int(fd), unix.TIOCGPGRP)
		if err != nil || pgrp != unix.Getpgrp() {
			return // in the background the terminal is not ours to ask
		}
		foreground = true
		state, rawErr = term.MakeRaw(fd)
	}); err != nil || !foreground || rawErr != nil {
		return false, false
	}
	defer rc.Control(func(fd uintptr) { _ = term.Restore(fd, state) })

	if _, err := f.WriteString("\x1b]11;?\x07\x1b[c"); err != nil {
		return false, false
	}
	var buf []byte
	tmp := make([]byte, 256)
	for len(buf) < 1024 {
		n, err := f.Read(tmp)
		buf = append(buf, tmp[:n]...)
		if da1Done(buf) || err != nil {
			break
		}
	}
	return parseOSC11(buf)
}

// da1Done reports whether buf holds the end of a DA1 answer ("\x1b[?…c").
func da1Done(buf []byte) bool {
	i := bytes.Index(buf, []byte("\x1b[?"))
	return i >= 0 && bytes.IndexByte(buf[i:], 'c') > 0
}
