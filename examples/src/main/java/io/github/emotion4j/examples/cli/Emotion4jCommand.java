package io.github.emotion4j.examples.cli;

import io.github.emotion4j.examples.Dl4jCpu;
import io.github.emotion4j.vision.vgg.FaceVggLstmBranch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code emotion4j} command line: {@code java -jar examples/target/emotion4j-cli.jar <command> --help}.
 * Results go to standard output as JSON lines (or tables where said), errors to standard error; the exit code
 * is 0 when every file succeeded, 1 when any failed, 2 for a usage error.
 */
@Command(name = "emotion4j", mixinStandardHelpOptions = true, versionProvider = Emotion4jCommand.Version.class,
        description = "Recognise emotion in video clips from faces and voice.",
        subcommands = {InspectCommand.class, ClassifyCommand.class, EvaluateCommand.class, TrainCommand.class, FeaturesCommand.class, LandmarksCommand.class, ExpressionCommand.class, TimelineCommand.class, FuseCommand.class, TrainHybridCommand.class, ExportModelCommand.class, TrainFaceCommand.class, CommandLine.HelpCommand.class})
public final class Emotion4jCommand implements Callable<Integer> {

    /** Exit code when some input failed (the others were still processed). */
    public static final int FAILED_INPUT = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }

    /** Runs the command line with {@code args}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(routed(args));
    }

    /**
     * The command line, with file-system errors a command did not handle itself (an output that exists, a folder
     * that cannot be written) reported in one line that names the file, not as a stack trace.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Emotion4jCommand());
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            IOException io = e instanceof UncheckedIOException unchecked ? unchecked.getCause()
                    : e instanceof IOException checked ? checked : null;
            if (io == null) {
                throw e;
            }
            command.getErr().println("emotion4j " + command.getCommandName() + ": " + describe(io));
            return FAILED_INPUT;
        });
        return commandLine;
    }

    /** What went wrong with which file, in words. */
    static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": " + (exists.getReason() != null ? exists.getReason() : "already exists");
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * {@code train --branch face-vgg-lstm ...} is {@code train-face ...}: the face network's three-stage training has
     * options of its own, so it lives in {@link TrainFaceCommand}, and {@code train} hands it over.
     */
    static String[] routed(String[] args) {
        if (args.length == 0 || !args[0].equals("train")) {
            return args;
        }
        for (int i = 1; i < args.length; i++) {
            boolean faceBranch = args[i].equals("--branch=" + FaceVggLstmBranch.TYPE)
                    || args[i].equals("--branch") && i + 1 < args.length && args[i + 1].equals(FaceVggLstmBranch.TYPE);
            if (faceBranch) {
                String[] copy = args.clone();
                copy[0] = "train-face";
                return copy;
            }
        }
        return args;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Dl4jCpu.configure();
        int code = commandLine().execute(routed(args));
        System.exit(code);
    }

    /** The library version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"emotion4j " + io.github.emotion4j.core.Provenance.libraryVersion()};
        }
    }
}
