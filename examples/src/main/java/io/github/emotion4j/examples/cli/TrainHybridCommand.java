package io.github.emotion4j.examples.cli;

import io.github.emotion4j.core.EmotionException;
import io.github.emotion4j.core.EmotionRecognizer;
import io.github.emotion4j.core.Provenance;
import io.github.emotion4j.core.dataset.Dataset;
import io.github.emotion4j.fusion.FusionReport;
import io.github.emotion4j.fusion.HybridBundle;
import io.github.emotion4j.fusion.PredictionTable;
import io.github.emotion4j.fusion.SearchResult;
import io.github.emotion4j.fusion.WeightSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train-hybrid --data AFEW_ROOT [--branch SPEC]... [--add BUNDLE]... [--retrain-on-train-val] --out BUNDLE}: the
 * paper's protocol as one command. Every branch is trained on {@code Train} (validated on {@code Val}) with the
 * {@code train} command, each trained branch predicts {@code Val} once, the fusion weights are grid-searched there,
 * and, with {@code --retrain-on-train-val}, every branch is trained again on Train and Val together for the final
 * model, which keeps the searched weights. Branch bundles, the data of the retraining (links, not copies) and the
 * reports stay in the work folder; nothing the user gave is changed.
 */
@Command(name = "train-hybrid", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The paper's hybrid protocol: train each branch on AFEW_ROOT/Train (validated on Val), search the fusion "
                + "weights on Val, optionally retrain every branch on Train+Val, and write one bundle and a report "
                + "(validation, and AFEW_ROOT/Test when it exists with class folders).",
            "Each --branch is a branch type followed by options of the train command (train-face's for face-vgg-lstm), in one "
                    + "argument: --branch \"audio-lstm --hidden 128 --epochs 20\". --train, --val and --out are set here.",
            "Default branches: " + TrainHybridCommand.DEFAULT_BRANCHES_TEXT + "."})
final class TrainHybridCommand implements Callable<Integer> {

    /** The default branches: the paper's three audio models and a face CNN-LSTM that needs no VGG-Face weights. */
    static final String DEFAULT_BRANCHES_TEXT = "audio-svm; audio-lstm; audio-maps; face-vgg-lstm --backbone mini-xception --stage 3";

    static final List<String> DEFAULT_BRANCHES = List.of(DEFAULT_BRANCHES_TEXT.split("; "));

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "AFEW_ROOT", description = "Train/, Val/ (and optionally Test/) with class folders")
    Path data;

    @Option(names = "--branch", paramLabel = "SPEC", description = "a branch to train: its type and train options, quoted as one argument (repeat)")
    List<String> branches;

    @Option(names = "--add", paramLabel = "BUNDLE", description = "an already trained branch bundle (your own branch, say) that joins the weight search as it is (repeat)")
    List<Path> added = new ArrayList<>();

    @Option(names = "--retrain-on-train-val", description = "train every branch again on Train+Val for the final model (the weights stay those found on Val)")
    boolean retrain;

    @Option(names = "--step", defaultValue = "0.05", paramLabel = "STEP", description = "weight grid step (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "the hybrid model (never overwritten)")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", description = "where branch bundles and reports go (default: BUNDLE's name + '-work'; must not exist)")
    Path work;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = this.out.toAbsolutePath().normalize();
        Path workDir = (work != null ? work : target.resolveSibling(target.getFileName().toString().replaceFirst("\\.zip$", "") + "-work"))
                .toAbsolutePath().normalize();
        List<BranchSpec> specs;
        try {
            specs = specs(branches == null || branches.isEmpty() ? DEFAULT_BRANCHES : branches);
            if (step <= 0 || step > 1) {
                throw new IllegalArgumentException("--step must be in (0, 1], got " + step);
            }
        } catch (IllegalArgumentException e) {
            err.println("emotion4j train-hybrid: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        for (Path existing : List.of(target, workDir)) {
            if (Files.exists(existing)) {
                err.println("emotion4j train-hybrid: " + existing + " exists; refusing to overwrite it");
                return Emotion4jCommand.FAILED_INPUT;
            }
        }
        Path trainDir = data.resolve("Train");
        Path valDir = data.resolve("Val");
        Path testDir = data.resolve("Test");
        for (Path required : List.of(trainDir, valDir)) {
            if (!Files.isDirectory(required)) {
                err.println("emotion4j train-hybrid: " + required + " is not a folder (expected AFEW_ROOT/Train and AFEW_ROOT/Val with class folders)");
                return Emotion4jCommand.FAILED_INPUT;
            }
        }
        try {
            Files.createDirectories(workDir);
            out.println("work folder " + workDir);
            List<Path> searched = new ArrayList<>(added);
            for (BranchSpec branch : specs) {
                searched.add(train(branch, trainDir, valDir, workDir.resolve("train").resolve(branch.name()), out, err));
            }
            SearchResult search;
            Map<String, Path> sources = new LinkedHashMap<>();
            ProgressBar progress = new ProgressBar(err);
            List<EmotionRecognizer> loaded = new ArrayList<>();
            try (EmotionRecognizer all = FuseCommand.combined(searched, sources, loaded)) {
                Dataset val = EvaluateCommand.readData(valDir, null);
                PredictionTable table = PredictionTable.collect(all, val, progress);
                search = WeightSearch.withStep(step).search(table);
                out.println(String.format(Locale.ROOT, "weights %s: validation accuracy %.2f %%, UAR %.2f %% (%d grid points)",
                        search.fusion().weights(), 100 * search.evaluation().accuracy(),
                        100 * search.evaluation().unweightedAverageRecall(), search.gridPoints()));
                FusionReport.write(table, search.fusion(), "validation: branches trained on Train, weights searched on Val",
                        workDir.resolve("report-validation"));
            } finally {
                loaded.forEach(EmotionRecognizer::close);
            }
            Map<String, Path> finals = new LinkedHashMap<>(sources);
            if (retrain) {
                Path trainAndVal = linkTogether(List.of(trainDir, valDir), workDir.resolve("train+val"));
                for (BranchSpec branch : specs) {
                    finals.put(branch.name(), train(branch, trainAndVal, null, workDir.resolve("final").resolve(branch.name()), out, err));
                }
            }
            List<HybridBundle.Member> members = new ArrayList<>();
            finals.forEach((name, bundle) -> members.add(new HybridBundle.Member(bundle, name, name, search.fusion().weights().get(name))));
            Map<String, String> provenance = new LinkedHashMap<>();
            provenance.put("command", "emotion4j " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            provenance.put("fusion", "weights grid-searched (step " + step + ") on " + valDir);
            provenance.put("validation_accuracy", String.format(Locale.ROOT, "%.4f", search.evaluation().accuracy()));
            provenance.put("final_branches", retrain ? "retrained on Train+Val" : "trained on Train");
            provenance.put("emotion4j", Provenance.libraryVersion());
            HybridBundle.assemble(members, target, provenance);
            out.println("wrote " + target);
            if (hasClassFolders(testDir)) {
                try (EmotionRecognizer hybrid = EmotionRecognizer.load(target)) {
                    Dataset test = EvaluateCommand.readData(testDir, null);
                    PredictionTable table = PredictionTable.collect(hybrid, test, progress);
                    out.print(FusionReport.write(table, search.fusion(), "test: the hybrid written to " + target.getFileName(),
                            workDir.resolve("report-test")));
                }
            }
            out.println("reports in " + workDir);
            out.flush();
            return 0;
        } catch (EmotionException | IOException | TrainingFailedException e) {
            err.println("emotion4j train-hybrid: " + e.getMessage());
            return Emotion4jCommand.FAILED_INPUT;
        }
    }

    /** Trains one branch with the train command; returns the bundle written. */
    private Path train(BranchSpec branch, Path train, Path val, Path bundle, PrintWriter out, PrintWriter err) throws IOException, TrainingFailedException {
        Files.createDirectories(bundle.getParent());
        List<String> args = new ArrayList<>(List.of("train", "--branch", branch.type()));
        args.addAll(branch.options());
        if (!branch.named()) {
            args.addAll(List.of("--name", branch.name()));
        }
        args.addAll(List.of("--train", train.toString()));
        if (val != null) {
            args.addAll(List.of("--val", val.toString()));
        }
        args.addAll(List.of("--out", bundle.toString()));
        out.println("== " + branch.name() + ": emotion4j " + String.join(" ", args));
        out.flush();
        int code = Emotion4jCommand.run(out, err, args.toArray(String[]::new));
        if (code != 0) {
            throw new TrainingFailedException("training branch " + branch.name() + " failed (exit code " + code + "); see the messages above");
        }
        return bundle;
    }

    /** A folder of class folders whose entries link to those of every source (prefixed by the source's name). */
    static Path linkTogether(List<Path> sources, Path target) throws IOException {
        for (Path source : sources) {
            String prefix = source.getFileName().toString().toLowerCase(Locale.ROOT) + "-";
            try (DirectoryStream<Path> classes = Files.newDirectoryStream(source, Files::isDirectory)) {
                for (Path classFolder : classes) {
                    Path linked = Files.createDirectories(target.resolve(classFolder.getFileName().toString()));
                    try (DirectoryStream<Path> clips = Files.newDirectoryStream(classFolder)) {
                        for (Path clip : clips) {
                            Path link = linked.resolve(prefix + clip.getFileName());
                            try {
                                Files.createSymbolicLink(link, clip.toAbsolutePath());
                            } catch (UnsupportedOperationException e) {
                                throw new IOException(link + ": this file system cannot hold symbolic links, which "
                                        + "--retrain-on-train-val uses to join Train and Val without copying", e);
                            }
                        }
                    }
                }
            }
        }
        return target;
    }

    private static boolean hasClassFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(root, Files::isDirectory)) {
            return classes.iterator().hasNext();
        }
    }

    /** Parses the branch specifications; names repeated types apart ({@code audio-svm}, {@code audio-svm-2}). */
    static List<BranchSpec> specs(List<String> values) {
        List<BranchSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String value : values) {
            List<String> words = new ArrayList<>(Arrays.asList(value.strip().split("\\s+")));
            if (words.isEmpty() || words.get(0).isEmpty() || words.get(0).startsWith("-")) {
                throw new IllegalArgumentException("--branch '" + value + "' must start with a branch type (audio-svm, audio-lstm, audio-maps, face-vgg-lstm)");
            }
            String type = words.remove(0);
            for (String word : words) {
                String option = word.split("=", 2)[0];
                if (List.of("--train", "--val", "--out", "--branch").contains(option)) {
                    throw new IllegalArgumentException("--branch '" + value + "': " + option + " is set by train-hybrid");
                }
            }
            int nameAt = words.indexOf("--name");
            String name;
            boolean named = nameAt >= 0 && nameAt + 1 < words.size();
            if (named) {
                name = words.get(nameAt + 1);
            } else {
                int count = seen.merge(type, 1, Integer::sum);
                name = count == 1 ? type : type + "-" + count;
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("two branches are named '" + name + "'; give one of them --name");
            }
            specs.add(new BranchSpec(type, List.copyOf(words), name, named));
        }
        return specs;
    }

    /** One branch to train: its type, the train options given, and its name in the hybrid. */
    record BranchSpec(String type, List<String> options, String name, boolean named) {
    }

    /** A branch's training command failed; it has printed why. */
    private static final class TrainingFailedException extends Exception {
        TrainingFailedException(String message) {
            super(message);
        }
    }
}
