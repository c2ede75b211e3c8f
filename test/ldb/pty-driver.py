# Drive an interactive program through a pseudo-terminal, the way a person at a
# keyboard would: wait for its prompt, type a line, wait for the next prompt.
#   python3 pty-driver.py '<argv as JSON>' '<lines as JSON>' [prompt]
# Prints everything the program wrote to its terminal (latin1).
import json, os, pty, select, sys, time

argv = json.loads(sys.argv[1])
lines = json.loads(sys.argv[2])
PROMPT = (sys.argv[3] if len(sys.argv) > 3 else 'lua debugger> ').encode()
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'dumb'
    os.execvp(argv[0], argv)

out = b''
def read_until(done, timeout):
    global out
    end = time.time() + timeout
    while time.time() < end:
        if done():
            return True
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return done()
            if not data:
                return done()
            out += data
    return done()

for line in lines:
    if not read_until(lambda: out.endswith(PROMPT), 10):
        break
    seen = out.count(PROMPT)
    os.write(fd, line.encode('latin1') + b'\r')
    # The answer is complete when the prompt comes back, or the program went back to its own prompt.
    read_until(lambda: out.count(PROMPT) > seen or out.endswith(b'> ') and not out.endswith(PROMPT), 10)
# Leave redis-cli's normal prompt if the session ended there.
if read_until(lambda: out.endswith(b'> '), 3) and not out.endswith(PROMPT):
    os.write(fd, b'quit\r')
read_until(lambda: False, 0.5)
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
sys.stdout.write(out.decode('latin1'))
