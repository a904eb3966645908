# Prints what a process can learn about where it runs.
cat /proc/self/mountinfo
echo "cwd: $(pwd -P)"
cat /proc/self/environ | tr '\0' '\n'
ls -la /data
