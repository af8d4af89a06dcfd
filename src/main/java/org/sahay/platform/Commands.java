package org.sahay.platform;

import java.io.PrintStream;
import org.sahay.platform.internal.backup.BackupCommand;

/**
 * The commands the jar runs instead of starting Sahay: {@code backup --to FILE [--organisation ID]}
 * and {@code restore --from FILE} (see README, "Where the data lives and how to back it up").
 */
public final class Commands {

  private Commands() {}

  /** True when {@code args} name a command rather than settings for a start. */
  public static boolean isCommand(String[] args) {
    return BackupCommand.isCommand(args);
  }

  /** Runs the command and answers the process's exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return BackupCommand.run(args, out, err);
  }
}
