package org.sahay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network between a phone and Sahay, for browser tests: a TCP relay on a port of its own that
 * can go down (connections cut, new ones refused, for the page and its service worker alike) and
 * come back on the same port, and that can lose the answers to replays: the request reaches the
 * server, which saves it, but the phone never hears back.
 */
public final class FlakyNetwork implements AutoCloseable {

  private final int target;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger answersLost = new AtomicInteger();
  private volatile ServerSocket listener;
  private volatile boolean loseReplayAnswers;

  public FlakyNetwork(int target) throws IOException {
    this.target = target;
    ServerSocket first = new ServerSocket();
    first.setReuseAddress(true);
    first.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.port = first.getLocalPort();
    listen(first);
  }

  public int port() {
    return port;
  }

  /** From now on, answers to {@code POST /sync/v1/...} are lost on their way back. */
  public void loseReplayAnswers(boolean lose) {
    this.loseReplayAnswers = lose;
  }

  /** How many answers were lost so far. */
  public int answersLost() {
    return answersLost.get();
  }

  /** No network: every connection cut, none accepted. */
  public synchronized void down() throws IOException {
    if (listener != null) {
      listener.close();
      listener = null;
    }
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  /** The network is back, on the same port. */
  public synchronized void up() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listen(again);
  }

  private void listen(ServerSocket server) {
    listener = server;
    Thread accept =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                Socket phone;
                try {
                  phone = server.accept();
                } catch (IOException e) {
                  return;
                }
                try {
                  relay(phone);
                } catch (IOException e) {
                  // Sahay is not listening (killed, not started again yet): refused, as it would
                  // be.
                  close(phone);
                }
              }
            },
            "flaky-network-accept");
    accept.setDaemon(true);
    accept.start();
  }

  private void relay(Socket phone) throws IOException {
    open.add(phone);
    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
    open.add(server);
    boolean[] doomed = {false};
    pump(
        phone,
        server,
        chunk -> {
          if (loseReplayAnswers && chunk.startsWith("POST /sync/v1/")) {
            doomed[0] = true;
          }
          return true;
        });
    pump(
        server,
        phone,
        chunk -> {
          if (doomed[0]) {
            answersLost.incrementAndGet();
            return false;
          }
          return true;
        });
  }

  private interface Gate {
    boolean pass(String chunkStart);
  }

  private void pump(Socket from, Socket to, Gate gate) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                  String start =
                      new String(buffer, 0, Math.min(n, 32), StandardCharsets.ISO_8859_1);
                  if (!gate.pass(start)) {
                    break;
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // cut: the other side goes too
              } finally {
                close(from);
                close(to);
              }
            },
            "flaky-network-pump");
    t.setDaemon(true);
    t.start();
  }

  private void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
    open.remove(s);
  }

  @Override
  public void close() throws IOException {
    down();
  }
}
