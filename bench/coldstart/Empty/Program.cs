// Intentionally empty: process start to exit of this program is the floor every cold start is compared with.
return 0;
