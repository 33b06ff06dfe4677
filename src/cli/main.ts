process.stderr.write('commerce-patches: not implemented yet\n');
process.exitCode = 2;
